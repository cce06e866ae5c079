"""``nastavnik deploy [--push] [--allow-dirty] [--cname DOMAIN] [--remote NAME]``"""

from __future__ import annotations

import argparse

from generator.pipeline.deploy import DeployOptions, deploy
from generator.project import Project


def run(args: argparse.Namespace) -> tuple[list[str], int]:
    project = Project.find()
    options = DeployOptions(push=args.push, allow_dirty=args.allow_dirty, cname=args.cname, remote=args.remote)
    return deploy(project, options), 0

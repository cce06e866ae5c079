"""mkdocs-material overrides of «Наставник» (blocks and assets); packaged as ``generator.theme``."""

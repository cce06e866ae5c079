"""A library document's electronic signature: signed within its certificate's validity and not in the future."""

from __future__ import annotations

from generator import ru
from generator.errors import Problems
from generator.rules.context import Context
from generator.rules.validate import Records


def check_signatures(records: Records, ctx: Context, problems: Problems) -> None:
    for entry in records.library:
        signature = entry.model.signature
        if signature is None:
            continue
        line = entry.doc.line_of(("signature", "date"))
        if signature.date > ctx.today:
            problems.error(
                entry.doc.path,
                line,
                f"дата подписи {ru.date(signature.date)} ещё не наступила",
                "проверьте год и месяц",
            )
        if signature.valid_from and signature.date < signature.valid_from:
            problems.error(
                entry.doc.path, line,
                f"документ подписан {ru.date(signature.date)}, до начала действия сертификата ({ru.date(signature.valid_from)})",
                "сверьте дату подписи и срок сертификата с отметкой о подписи в документе",
            )  # fmt: skip
        if signature.valid_to and signature.date > signature.valid_to:
            problems.error(
                entry.doc.path, line,
                f"документ подписан {ru.date(signature.date)}, после окончания действия сертификата ({ru.date(signature.valid_to)})",
                "сверьте дату подписи и срок сертификата с отметкой о подписи в документе",
            )  # fmt: skip

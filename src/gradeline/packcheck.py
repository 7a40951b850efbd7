"""Whole-pack validation: every part of a content pack is read by the loader of the module that uses it.

The guideline (guideline, recommendations, chapters, glossary, groups, errata) is read by
``content.load_pack``; then decision rules (``decide/``, including the patient handout wording), evidence
wording (``evidence/``), value sets (``valuesets/``), monitoring definitions and code lists (``monitor/``) and
every translation (``translations/<lang>.yaml``) by their own loaders, so a change to any of those formats is
checked here without being described twice. Before any loader runs, every YAML and Markdown file is checked
for UTF-8 and size, so those problems name the file whichever loader would have met them.
"""

from collections.abc import Callable
from pathlib import Path

import yaml

from gradeline.content.errors import PackError
from gradeline.content.pack import load_pack
from gradeline.content.textfiles import check_text_sizes, read_text
from gradeline.content.translations import load_translations
from gradeline.model import Guideline

Part = Callable[[Path, Guideline], list[str]]


def _decide(pack: Path, guideline: Guideline) -> list[str]:
    from gradeline.content.pack import read_yaml, validate
    from gradeline.decide import check_rules, load_rules
    from gradeline.web.decide.handout import HandoutWording

    problems = check_rules(load_rules(pack), guideline)
    handout = pack / "decide" / "handout.yaml"
    validate(HandoutWording, read_yaml(handout), handout)
    return problems


def _evidence(pack: Path, guideline: Guideline) -> list[str]:
    from gradeline.evidence.data import load_evidence_data

    load_evidence_data(pack)
    return []


def _valuesets(pack: Path, guideline: Guideline) -> list[str]:
    from gradeline.cdshooks.valuesets import load_terminology

    load_terminology(pack)
    return []


def _monitor(pack: Path, guideline: Guideline) -> list[str]:
    from gradeline.monitor.codes import read_codes
    from gradeline.monitor.definitions import compute_problems, read_catalogue

    if not (pack / "monitor").is_dir():  # a guideline without indicators
        return []
    codes = read_codes(pack)
    catalogue = read_catalogue(pack)
    known = {r.id for r in guideline.recommendations}
    where = pack / "monitor" / "indicators.yaml"
    return [
        f"{where}: {ind.id}: recommendation {ind.recommendation!r} is not in the guideline"
        for ind in catalogue.indicators
        if ind.recommendation not in known
    ] + [f"{where}: {problem}" for problem in compute_problems(catalogue, codes)]


def _translations(pack: Path, guideline: Guideline) -> list[str]:
    """Every language's translations (``<lang>.yaml`` and ``<lang>/``); ``cited.yaml`` lists cited phrases."""
    folder = pack / "translations"
    languages = (
        {p.stem for p in folder.glob("*.yaml") if p.stem != "cited"}
        | {p.name for p in folder.iterdir() if p.is_dir()}
        if folder.is_dir()
        else set()
    )
    for language in sorted(languages):
        load_translations(pack, language)
    cited = folder / "cited.yaml"
    if cited.exists() and not isinstance(yaml.safe_load(read_text(cited)) or [], list):
        return [f"{cited}: must be a list of {{text: …}} phrases"]
    return []


def _publish(pack: Path, guideline: Guideline) -> list[str]:
    from gradeline.content.pack import load_pack
    from gradeline.publish.key_messages import load_quickguide_data, problems

    data = load_quickguide_data(pack)
    if data is None:
        return []
    english = load_pack(pack, "en") if (pack / "translations").is_dir() else None
    return problems(data, guideline, english)


PARTS: dict[str, tuple[str, Part]] = {
    "decision rules": ("decide", _decide),
    "evidence wording": ("evidence", _evidence),
    "value sets": ("valuesets", _valuesets),
    "monitoring definitions": ("monitor", _monitor),
    "translations": ("translations", _translations),
    "quick guide": ("publish", _publish),
}


def _describe(exc: Exception, folder: Path) -> str:
    """One sentence for a loader's failure, naming the file where the loader says which."""
    if isinstance(exc, PackError):
        return str(exc)
    if isinstance(exc, FileNotFoundError):
        return f"{exc.filename or folder}: file not found"
    if isinstance(exc, KeyError):
        return f"{folder}: a required field is missing: {exc.args[0]!r}"
    if isinstance(exc, yaml.YAMLError):
        return f"{folder}: not valid YAML ({exc})"
    return f"{folder}: {exc}"


def _file_problems(pack: Path) -> list[str]:
    problems = []
    for path in sorted([*pack.rglob("*.yaml"), *pack.rglob("*.md")]):
        try:
            text = read_text(path)
            if path.suffix == ".yaml":
                check_text_sizes(yaml.safe_load(text), path)
        except PackError as exc:
            problems.append(str(exc))
        except yaml.YAMLError:
            continue  # reported by the file's loader, with its line
    return problems


def check_pack(pack: Path) -> tuple[Guideline | None, list[str]]:
    """(the guideline, every problem found); the guideline is None when it cannot be read at all. The parts
    in PARTS are optional: a folder the pack does not have is not checked."""
    pack = Path(pack)
    problems = _file_problems(pack)
    if problems:
        return None, problems
    try:
        guideline = load_pack(pack)
    except PackError as exc:
        return None, [str(exc)]
    for name, (folder, part) in PARTS.items():
        if not (pack / folder).is_dir():
            continue  # every part but the guideline itself is optional: a layer without data says so
        try:
            problems += part(pack, guideline)
        except Exception as exc:  # any loader failure is a finding about the pack, never a traceback
            problems.append(f"{name}: {_describe(exc, pack / folder)}")
    return guideline, problems

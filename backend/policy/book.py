"""Loading policy files and resolving the rules in force for a region on a day.

Files are read and validated when the app starts: a bad file stops start-up with a message that names
the file, the key and what is wrong. Extra directories (LIANGBU_POLICY_DIRS) may add regions or
replace shipped files, so adding a region needs no code."""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from pydantic import ValidationError

from backend.identity.regions import current_county, province_code, region
from backend.policy.model import Contact, Coordination, Payment, Period, PolicyFile, Process, SubsidyRules

SHIPPED = Path(__file__).parent / "regions"
NATIONAL = "000000"


class PolicyFileError(ValueError):
    def __init__(self, path: Path, problems: list[str]) -> None:
        self.path = path
        self.problems = problems
        super().__init__(f"policy file {path}: " + "; ".join(problems))


@dataclass(frozen=True)
class Sourced:
    """A value and where it comes from: the file's region, the period's start and its source."""
    value: object
    region_code: str
    as_of: date
    source: str


@dataclass
class EffectivePolicy:
    """The rules in force for one region on one day, merged across levels (nearest wins)."""
    region_code: str
    on: date
    levels: list[str] = field(default_factory=list)            # codes whose files contributed
    living: dict[str, Sourced] = field(default_factory=dict)   # key -> Sourced
    nursing: dict[str, Sourced] = field(default_factory=dict)
    coordination: dict[str, Sourced] = field(default_factory=dict)  # benefit -> Sourced(Coordination)
    payment: dict[str, Sourced] = field(default_factory=dict)
    process: dict[str, Sourced] = field(default_factory=dict)
    contacts: list[tuple[Contact, str]] = field(default_factory=list)  # (contact, region code)
    periods: list[tuple[str, Period]] = field(default_factory=list)

    def rules(self, subsidy: str) -> dict[str, Sourced]:
        return self.living if subsidy == "living" else self.nursing


class PolicyBook:
    def __init__(self, files: dict[str, PolicyFile]) -> None:
        if NATIONAL not in files:
            raise PolicyFileError(SHIPPED / f"{NATIONAL}.toml", ["the national baseline (000000) is missing"])
        self.files = files

    @classmethod
    def load(cls, extra_dirs: Sequence[Path] = ()) -> PolicyBook:
        files: dict[str, PolicyFile] = {}
        for directory in (SHIPPED, *extra_dirs):
            for path in sorted(Path(directory).glob("*.toml")):
                policy = load_policy_file(path)
                files[policy.code] = policy
        return cls(files)

    def levels_for(self, region_code: str) -> list[str]:
        """National, province, city, county: the codes whose rules apply, farthest first."""
        county = current_county(region_code)
        code = county.code if county else region_code
        chain = [NATIONAL]
        if region(code) is not None or code.isdigit():
            for candidate in (province_code(code), code[:4] + "00", code):
                if candidate not in chain:
                    chain.append(candidate)
        return chain

    def resolve(self, region_code: str, on: date) -> EffectivePolicy:
        effective = EffectivePolicy(region_code=region_code, on=on)
        contacts_by_level: list[list[tuple[Contact, str]]] = []
        for code in self.levels_for(region_code):
            policy = self.files.get(code)
            if policy is None:
                continue
            if policy.contacts:
                contacts_by_level.append([(contact, code) for contact in policy.contacts])
            in_force = _in_force(policy.periods, on)
            if in_force:
                effective.levels.append(code)
            for period in in_force:
                effective.periods.append((code, period))
                _merge(effective, code, period)
        for level in reversed(contacts_by_level):  # nearest office first
            effective.contacts.extend(level)
        return effective

    def has_own_file(self, region_code: str) -> bool:
        return region_code in self.files


def _in_force(periods: Iterable[Period], on: date) -> list[Period]:
    """Periods that have begun and not ended, oldest first: a later one changes what it states."""
    return [period for period in periods if period.from_ <= on and (period.until is None or on <= period.until)]


def _merge(effective: EffectivePolicy, code: str, period: Period) -> None:
    for subsidy in ("living", "nursing"):
        rules: SubsidyRules | None = getattr(period, subsidy)
        if rules is not None:
            target = effective.rules(subsidy)
            for key in rules.model_fields_set:
                target[key] = _sourced(getattr(rules, key), code, period)
    for benefit, coordination in (period.coordination or {}).items():
        effective.coordination[benefit] = Sourced(coordination, code, period.from_, coordination.source or period.source)
    for name, section in (("payment", period.payment), ("process", period.process)):
        if section is not None:
            target = getattr(effective, name)
            for key in section.model_fields_set:
                target[key] = _sourced(getattr(section, key), code, period)


def _sourced(value: object, code: str, period: Period) -> Sourced:
    return Sourced(value, code, period.from_, period.source)


def load_policy_file(path: Path) -> PolicyFile:
    try:
        with path.open("rb") as handle:
            raw = tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        raise PolicyFileError(path, [f"not valid TOML: {error}"]) from None
    try:
        policy = PolicyFile.model_validate(raw)
    except ValidationError as error:
        raise PolicyFileError(path, [
            f"{'.'.join(str(part) for part in item['loc']) or '(file)'}: {item['msg']}" for item in error.errors()
        ]) from None
    if path.stem != policy.code:
        raise PolicyFileError(path, [f"code: the file is named {path.stem} but says code = {policy.code}"])
    if policy.code != NATIONAL and region(policy.code) is None:
        raise PolicyFileError(path, [f"code: {policy.code} is not a GB/T 2260 region code we know"])
    return policy


__all__ = ["Coordination", "EffectivePolicy", "Payment", "PolicyBook", "PolicyFileError", "Process", "Sourced"]

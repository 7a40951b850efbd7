"""Seeded synthetic data in the internal schema, with planted adherence rates and the true counts.

Vectorised numpy -> pyarrow -> Parquet (no per-row Python). Danish setting: five regions (1081-1085)
weighted by population, real municipality codes, GP/physiotherapist/chiropractor contacts. What is planted
comes from the pack (default: the active one): the codes and rates in monitor/synth.yaml, the windows in
MonitorConfig, and which indicator reads each planted rate from the indicators' ``compute`` blocks.
Episodes are planted so that every indicator has a known true value: ``planted.json`` holds the true
numerator and denominator of each indicator (stratum 'all') for the default MonitorConfig.
"""

import json
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa  # type: ignore[import-untyped]
import pyarrow.compute as pc  # type: ignore[import-untyped]
import pyarrow.parquet as pq  # type: ignore[import-untyped]

from gradeline.content.packs import activated, pack_or_active
from gradeline.monitor.codes import load_codes, read_yaml
from gradeline.monitor.config import MonitorConfig
from gradeline.monitor.definitions import load_catalogue
from gradeline.monitor.ingest.period import ExtractionPeriod, write_manifest
from gradeline.monitor.schema import TABLES

REGIONS = np.array(["1081", "1082", "1083", "1084", "1085"])
REGION_WEIGHTS = np.array([0.10, 0.23, 0.21, 0.32, 0.14])
MUNICIPALITIES = {
    "1081": ["851", "813", "860"],
    "1082": ["751", "791", "657"],
    "1083": ["461", "561", "621"],
    "1084": ["101", "147", "173"],
    "1085": ["265", "259", "370"],
}
PROFESSIONS = np.array(["GP", "PT", "CHIRO"])
PROFESSION_WEIGHTS = np.array([0.55, 0.20, 0.25])
CLINICS_PER_PROFESSION = {"GP": 1600, "PT": 700, "CHIRO": 300}
Rates = tuple[float, float, float]


@dataclass(frozen=True)
class SynthProfile:
    """What the generator plants, from the pack: codes (monitor/synth.yaml) and the indicators they feed."""

    condition_icpc2: tuple[str, ...]
    condition_shares: tuple[float, ...]
    condition_sks: str
    sks_share_gp: float
    background_icpc2: tuple[str, ...]
    red_flag_sks: tuple[str, ...]
    drugs: dict[str, tuple[str, ...]]
    """Drug class -> ATC codes dispensed (in the pack's order)."""
    over_the_counter: str | None
    other_atc: tuple[str, ...]
    modalities: tuple[str, ...]
    """All imaging modalities (codes.yaml); planted studies use the imaging indicator's."""
    imaging_modalities: tuple[str, ...]
    imaging_shares: tuple[float, ...]
    body_site: str
    other_site: str
    referral_types: tuple[str, ...]
    rates: dict[str, Any]
    indicators: dict[str, dict[str, Any]]
    """Indicator id -> its compute block."""

    @property
    def course_drug(self) -> str | None:
        """The drug class whose courses an indicator measures (planted with short and long courses)."""
        return next(
            (c["drug"] for c in self.indicators.values() if c.get("kind") == "course_longer_than"), None
        )


def load_profile(pack: Path | None = None) -> SynthProfile:
    """The pack's synth.yaml with its code lists and indicators (default: the active pack)."""
    folder = pack_or_active(pack)
    raw = read_yaml(folder, "synth.yaml")
    codes, catalogue = load_codes(folder), load_catalogue(folder)
    computes = {i.id: dict(i.compute) for i in catalogue.indicators}
    imaging = next((c for c in computes.values() if c.get("kind") == "imaging_without_red_flag"), {})
    site = str(imaging.get("body_site", codes.body_sites[0]))
    return SynthProfile(
        condition_icpc2=tuple(raw["condition"]["ICPC2"]["codes"]),
        condition_shares=tuple(float(x) for x in raw["condition"]["ICPC2"]["shares"]),
        condition_sks=str(raw["condition"]["SKS"]["code"]),
        sks_share_gp=float(raw["condition"]["SKS"]["share_of_gp_contacts"]),
        background_icpc2=tuple(raw["background_icpc2"]),
        red_flag_sks=tuple(raw["red_flag_sks"]),
        drugs={str(k): tuple(v) for k, v in raw["drugs"].items()},
        over_the_counter=raw.get("over_the_counter"),
        other_atc=tuple(raw["other_atc"]),
        modalities=codes.modalities,
        imaging_modalities=tuple(imaging.get("modalities", codes.modalities)),
        imaging_shares=tuple(float(x) for x in raw["imaging_modality_shares"]),
        body_site=site,
        other_site=next(s for s in codes.body_sites if s != site),
        referral_types=codes.referral_types,
        rates=dict(raw["rates"]),
        indicators=computes,
    )


@dataclass(frozen=True)
class SynthSpec:
    patients: int
    seed: int = 1
    start: date = date(2021, 1, 1)
    years: int = 3
    background_per_patient: float = 7.5
    pack: Path | None = None
    """The content pack whose codes and indicators are planted (default: the active pack)."""


def _dict_array(values: np.ndarray, index: np.ndarray) -> pa.Array:
    return pa.DictionaryArray.from_arrays(pa.array(index.astype(np.int32)), pa.array(values.astype(str)))


def _dates(days: np.ndarray) -> pa.Array:
    return pa.array(days.astype("datetime64[D]"), type=pa.date32())


def _by_profession(rng: np.random.Generator, prof: np.ndarray, rates: Rates) -> np.ndarray:
    flags: np.ndarray = rng.random(prof.size) < np.asarray(rates)[prof]
    return flags


DEFAULT_CHUNK_PATIENTS = 1_000_000
"""Patients generated at a time: memory stays near 1.5 GB however many patients are asked for."""


@dataclass
class _Chunk:
    tables: dict[str, pa.Table]
    truth: dict[str, tuple[int, int]]
    episodes: int
    encounters: int


def _last_date(tables: dict[str, pa.Table]) -> date:
    """The latest date in the tables (the extraction ends there; follow-up contacts run past the planted
    window)."""
    last: date = date.min
    for name, table in TABLES.items():
        for col in table.columns:
            if col.type == "date" and col.period == "within":
                found = pc.max(tables[name][col.name]).as_py()
                last = max(last, found or last)
    return last


def _shift_ids(table: pa.Table, patients: int, encounters: int) -> pa.Table:
    """Move a chunk's patient (and encounter) ids past those of the chunks before it."""
    for col, by in (("patient_id", patients), ("encounter_id", encounters)):
        if by and col in table.column_names:
            i = table.column_names.index(col)
            table = table.set_column(i, col, pc.add(table[col], pa.scalar(by, pa.int64())))
    return table


def generate(spec: SynthSpec, out: Path, chunk_patients: int = DEFAULT_CHUNK_PATIENTS) -> dict[str, Any]:
    """Write patients/encounters/prescriptions/imaging/referrals/sick_leave Parquet files and planted.json.

    Patients are generated ``chunk_patients`` at a time, each chunk with its own random stream (the first
    with ``spec.seed`` itself), and appended to the same files; a patient's records all come from one chunk.
    The same seed and chunk size give the same data; another chunk size gives other (equally planted) data.
    """
    if chunk_patients < 1:
        raise ValueError("chunk_patients must be at least 1")
    profile = load_profile(spec.pack)
    with activated(pack_or_active(spec.pack)):
        cfg = MonitorConfig()  # the pack's windows
    out.mkdir(parents=True, exist_ok=True)
    writers: dict[str, pq.ParquetWriter] = {}
    truth: dict[str, tuple[int, int]] = {}
    episodes = encounters = 0
    last = date.min
    try:
        for k, first in enumerate(range(0, spec.patients, chunk_patients)):
            rng = np.random.default_rng(spec.seed if k == 0 else [spec.seed, k])
            chunk = _chunk(rng, spec, profile, cfg, min(chunk_patients, spec.patients - first))
            last = max(last, _last_date(chunk.tables))
            for name, table in chunk.tables.items():
                table = _shift_ids(table, first, encounters)
                if name not in writers:
                    writers[name] = pq.ParquetWriter(out / f"{name}.parquet", table.schema)
                writers[name].write_table(table, row_group_size=1_000_000)
            for key, (num, den) in chunk.truth.items():
                truth[key] = (truth.get(key, (0, 0))[0] + num, truth.get(key, (0, 0))[1] + den)
            episodes += chunk.episodes
            encounters += chunk.encounters
    finally:
        for writer in writers.values():
            writer.close()
    d1 = date(spec.start.year + spec.years, spec.start.month, spec.start.day) - timedelta(days=1)
    planted = {
        "seed": spec.seed,
        "patients": spec.patients,
        "episodes": episodes,
        "encounters": encounters,
        "period": [str(spec.start), str(d1)],
        "truth": {k: {"numerator": a, "denominator": b} for k, (a, b) in truth.items()},
        "note": "True counts for stratum 'all' with the default MonitorConfig; the guideline is not in force "
        "(ikke gældende).",
    }
    write_manifest(out, ExtractionPeriod(spec.start, last))
    (out / "planted.json").write_text(
        json.dumps(planted, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    return planted


def _chunk(
    rng: np.random.Generator, spec: SynthSpec, profile: SynthProfile, cfg: MonitorConfig, n: int
) -> _Chunk:
    """One chunk of ``n`` patients (ids 1..n) and their records, with the chunk's true counts."""
    rates = profile.rates
    tables: dict[str, pa.Table] = {}
    d0 = np.datetime64(spec.start, "D").astype(np.int64)
    d1 = (
        np.datetime64(date(spec.start.year + spec.years, spec.start.month, spec.start.day), "D").astype(
            np.int64
        )
        - 1
    )

    # patients: adults (>= 18 at the start of data)
    pid = np.arange(1, n + 1, dtype=np.int64)
    birth = d0 - rng.integers(18 * 365 + 5, 90 * 365, n)
    sex = rng.integers(0, 2, n)
    region = rng.choice(5, n, p=REGION_WEIGHTS)
    muni_pool = np.array([m for r in REGIONS for m in MUNICIPALITIES[r]])
    muni = region * 3 + rng.integers(0, 3, n)
    tables["patients"] = pa.table(
        {
            "patient_id": pid,
            "birth_date": _dates(birth),
            "sex": _dict_array(np.array(["F", "M"]), sex),
            "region_code": _dict_array(REGIONS, region),
            "municipality_code": _dict_array(muni_pool, muni),
        }
    )

    # episodes: 0, 1 or 2 per patient, starts with full look-back and follow-up inside the data
    first_ok, last_ok = d0 + cfg.lookback_days, d1 - cfg.followup_days
    n_ep = rng.choice(3, n, p=[0.62, 0.31, 0.07])
    s1 = rng.integers(first_ok, last_ok + 1, n)
    s2 = s1 + rng.integers(340, 520, n)  # > 150 + lookback after the last contact of the first
    two = (n_ep == 2) & (s2 <= last_ok)
    one = n_ep >= 1
    ep_pid = np.concatenate([pid[one], pid[two]])
    ep_start = np.concatenate([s1[one], s2[two]])
    m = ep_pid.size
    ep_prof = rng.choice(3, m, p=PROFESSION_WEIGHTS)
    ep_region = region[ep_pid - 1]
    # clinic: a pool per profession, split across regions
    sizes = np.array([CLINICS_PER_PROFESSION[p] for p in PROFESSIONS])
    per_region = sizes // 5
    ep_clinic_k = rng.integers(0, per_region[ep_prof])
    offsets = np.concatenate([[0], np.cumsum(per_region * 5)])[:-1]
    ep_clinic = offsets[ep_prof] + ep_region * per_region[ep_prof] + ep_clinic_k
    clinic_names = np.array(
        [
            f"{p}-{r}-{k:04d}"
            for p, per in zip(PROFESSIONS, per_region, strict=True)
            for r in REGIONS
            for k in range(per)
        ]
    )

    # planted episode flags
    red = rng.random(m) < rates["red_flag"]
    imaged = _by_profession(rng, ep_prof, rates["imaging"])
    dispensed = {d: _by_profession(rng, ep_prof, rates["dispensing"][d]) for d in profile.drugs}
    course_drug = profile.course_drug
    long_course = (
        dispensed[course_drug] & (rng.random(m) < rates["long_course"]) if course_drug else np.zeros(m, bool)
    )
    referred = {t: _by_profession(rng, ep_prof, rates["referral"][t]) for t in rates["referral"]}
    lasting = rng.random(m) < rates["long_lasting"]
    sick = rng.random(m) < rates["sick_leave"]

    # contacts for the condition: the first (day 0), follow-ups to day long_lasting_days, one more to day 150
    # when long-lasting
    n_follow = np.minimum(rng.poisson(1.4, m), 6)
    f_ep = np.repeat(np.arange(m), n_follow)
    f_day = rng.integers(1, cfg.long_lasting_days + 1, f_ep.size)
    l_ep = np.flatnonzero(lasting)
    l_day = rng.integers(cfg.long_lasting_days + 1, 151, l_ep.size)
    r_ep = np.flatnonzero(red)
    r_day = rng.integers(0, cfg.imaging_window_days + 1, r_ep.size)
    lbp_ep = np.concatenate([np.arange(m), f_ep, l_ep])
    lbp_day = np.concatenate([np.zeros(m, np.int64), f_day, l_day])
    lbp_prof = np.concatenate([ep_prof, rng.choice(3, f_ep.size + l_ep.size, p=PROFESSION_WEIGHTS)])
    lbp_prof[:m] = ep_prof
    lbp_clinic = np.where(
        lbp_prof == ep_prof[lbp_ep],
        ep_clinic[lbp_ep],
        offsets[lbp_prof] + ep_region[lbp_ep] * per_region[lbp_prof],
    )
    # a share of GP contacts coded in SKS, else ICPC-2 by the pack's shares
    n_icpc = len(profile.condition_icpc2)
    lbp_code = rng.choice(n_icpc, lbp_ep.size, p=np.asarray(profile.condition_shares))
    sks = (lbp_prof == 0) & (rng.random(lbp_ep.size) < profile.sks_share_gp)
    # background contacts (not the condition): anywhere in the data period; the first and last pin the period
    nb = int(n * spec.background_per_patient)
    b_pid = rng.integers(1, n + 1, nb)
    b_day = rng.integers(d0, d1 + 1, nb)
    if nb >= 2:
        b_day[0], b_day[1] = d0, d1
    b_prof = rng.choice(3, nb, p=[0.8, 0.12, 0.08])
    b_clinic = offsets[b_prof] + region[b_pid - 1] * per_region[b_prof] + rng.integers(0, per_region[b_prof])

    background, red_codes = np.array(profile.background_icpc2), np.array(profile.red_flag_sks)
    codes = np.concatenate(
        [np.array([*profile.condition_icpc2, profile.condition_sks]), background, red_codes]
    )
    first_bg = n_icpc + 1
    code_idx = np.concatenate(
        [
            np.where(sks, n_icpc, lbp_code),
            first_bg + rng.integers(0, background.size, nb),
            first_bg + background.size + rng.integers(0, red_codes.size, r_ep.size),
        ]
    )
    system_idx = np.concatenate([sks.astype(np.int64), np.zeros(nb, np.int64), np.ones(r_ep.size, np.int64)])
    e_pid = np.concatenate([ep_pid[lbp_ep], b_pid, ep_pid[r_ep]])
    e_day = np.concatenate([ep_start[lbp_ep] + lbp_day, b_day, ep_start[r_ep] + r_day])
    e_prof = np.concatenate([lbp_prof, b_prof, np.zeros(r_ep.size, np.int64)])
    e_clinic = np.concatenate(
        [lbp_clinic, b_clinic, ep_clinic[r_ep] * 0 + offsets[0] + ep_region[r_ep] * per_region[0]]
    )
    e_red = np.concatenate([np.zeros(lbp_ep.size + nb, bool), np.ones(r_ep.size, bool)])
    order = rng.permutation(e_pid.size)  # realistic: unsorted input
    n_enc = e_pid.size
    # ids rank contacts by (date, random) so the planted first contact precedes same-day background contacts
    first_rank = np.zeros(n_enc, np.int64)
    first_rank[:m] = -1
    rank = np.lexsort((rng.random(n_enc), first_rank, e_day))
    enc_id = np.empty(n_enc, np.int64)
    enc_id[rank] = np.arange(1, n_enc + 1)
    tables["encounters"] = pa.table(
        {
            "encounter_id": enc_id[order],
            "patient_id": e_pid[order],
            "enc_date": _dates(e_day[order]),
            "profession": _dict_array(PROFESSIONS, e_prof[order]),
            "clinic_id": _dict_array(clinic_names, e_clinic[order]),
            "code_system": _dict_array(np.array(["ICPC2", "SKS"]), system_idx[order]),
            "code": _dict_array(codes, code_idx[order]),
            "red_flag": pa.array(e_red[order], mask=~e_red[order], type=pa.bool_()),
        }
    )

    # imaging: planted studies of the indicator's body site in its window; background studies anywhere
    i_ep = np.flatnonzero(imaged)
    i_day = ep_start[i_ep] + rng.integers(0, cfg.imaging_window_days + 1, i_ep.size)
    nbi = n // 20
    img_pid = np.concatenate([ep_pid[i_ep], rng.integers(1, n + 1, nbi)])
    img_day = np.concatenate([i_day, rng.integers(d0, d1 + 1, nbi)])
    planted_mod = np.array([profile.modalities.index(x) for x in profile.imaging_modalities])
    img_mod = np.concatenate(
        [
            planted_mod[rng.choice(planted_mod.size, i_ep.size, p=np.asarray(profile.imaging_shares))],
            rng.integers(0, len(profile.modalities), nbi),
        ]
    )
    img_site = np.concatenate([np.zeros(i_ep.size, np.int64), np.ones(nbi, np.int64)])
    tables["imaging"] = pa.table(
        {
            "patient_id": img_pid,
            "imaging_date": _dates(img_day),
            "modality": _dict_array(np.array(profile.modalities), img_mod),
            "body_site": _dict_array(np.array([profile.body_site, profile.other_site]), img_site),
        }
    )

    # prescriptions: the course drug (short: one dispensing of 3-7 days; long: 10-28 days, sometimes a
    # refill), the other drug classes, over-the-counter sales that must not count, and unrelated drugs
    first_code: dict[str, int] = {}
    n_codes = 0
    for drug, atcs in profile.drugs.items():
        first_code[drug] = n_codes
        n_codes += len(atcs)
    atc = np.array([*(c for a in profile.drugs.values() for c in a), *profile.other_atc])
    parts: list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, bool]] = []
    course, course_eps = np.zeros(0, np.int64), 0
    for drug, flags in dispensed.items():
        d_ep = np.flatnonzero(flags)
        k, base = len(profile.drugs[drug]), first_code[drug]
        if drug == course_drug:
            o_day = rng.integers(0, 31, d_ep.size)
            o_long = long_course[d_ep]
            o_supply = np.where(
                o_long, rng.choice([10, 14, 20, 28], d_ep.size), rng.choice([3, 5, 7], d_ep.size)
            )
            refill = o_long & (rng.random(d_ep.size) < 0.4)
            rf_ep = d_ep[refill]
            rf_day = o_day[refill] + o_supply[refill]
            rf_supply = np.full(rf_ep.size, 10)
            course = o_supply.copy()
            course[refill] = rf_day - o_day[refill] + rf_supply
            course_eps = d_ep.size
            parts.append(
                (ep_pid[d_ep], ep_start[d_ep] + o_day, base + rng.integers(0, k, d_ep.size), o_supply, True)
            )
            parts.append(
                (ep_pid[rf_ep], ep_start[rf_ep] + rf_day, np.full(rf_ep.size, base + k - 1), rf_supply, True)
            )
        else:
            day = ep_start[d_ep] + rng.integers(0, cfg.followup_days + 1, d_ep.size)
            supply = rng.choice([10, 20, 30], d_ep.size)
            parts.append((ep_pid[d_ep], day, base + rng.integers(0, k, d_ep.size), supply, True))
    if profile.over_the_counter:
        otc = np.flatnonzero(rng.random(m) < 0.2)
        code = np.full(otc.size, first_code[profile.over_the_counter])
        day = ep_start[otc] + rng.integers(0, 30, otc.size)
        parts.append((ep_pid[otc], day, code, np.full(otc.size, np.nan), False))
    no_ep = np.flatnonzero(n_ep == 0)
    other = rng.integers(0, no_ep.size, n // 4) if no_ep.size else np.zeros(0, np.int64)
    other_code = n_codes + rng.integers(0, len(profile.other_atc), other.size)
    day = rng.integers(d0, d1 + 1, other.size)
    parts.append((pid[no_ep[other]], day, other_code, rng.choice([30, 90], other.size), True))
    tables["prescriptions"] = pa.table(
        {
            "patient_id": np.concatenate([p[0] for p in parts]),
            "dispense_date": _dates(np.concatenate([p[1] for p in parts])),
            "atc": _dict_array(atc, np.concatenate([p[2] for p in parts])),
            "days_supply": pa.array(np.concatenate([p[3] for p in parts]).astype(float), from_pandas=True),
            "on_prescription": np.concatenate([np.full(p[0].size, p[4]) for p in parts]),
        }
    )

    # referrals of the planted types in the follow-up window, plus referrals of a type no indicator counts
    planted_types = list(referred)
    unplanted = [t for t in profile.referral_types if t not in referred]
    q_ep = np.flatnonzero(rng.random(m) < 0.1) if unplanted else np.zeros(0, np.int64)
    ref_eps = [np.flatnonzero(referred[t]) for t in planted_types]
    ref_days = [ep_start[e] + rng.integers(0, cfg.followup_days + 1, e.size) for e in ref_eps]
    types = np.array([*planted_types, *unplanted[:1]])
    tables["referrals"] = pa.table(
        {
            "patient_id": np.concatenate([*(ep_pid[e] for e in ref_eps), ep_pid[q_ep]]),
            "referral_date": _dates(
                np.concatenate([*ref_days, ep_start[q_ep] + rng.integers(0, 200, q_ep.size)])
            ),
            "referral_type": _dict_array(
                types,
                np.concatenate(
                    [*(np.full(e.size, i) for i, e in enumerate(ref_eps)), np.full(q_ep.size, len(ref_eps))]
                ),
            ),
        }
    )

    # sick leave: spell starting sick_leave_lead_days before to 60 days after day 0; ends by day
    # return_to_work_days for a planted share, later (or still open at the end of data) otherwise
    s_ep = np.flatnonzero(sick)
    s_from = rng.integers(-cfg.sick_leave_lead_days, 61, s_ep.size)
    back = rng.random(s_ep.size) < rates["back_within_window"]
    s_to = np.where(
        back,
        rng.integers(np.maximum(s_from, 0) + 1, cfg.return_to_work_days + 1),
        rng.integers(cfg.return_to_work_days + 1, 400, s_ep.size),
    )
    end = ep_start[s_ep] + s_to
    open_ = end > d1
    tables["sick_leave"] = pa.table(
        {
            "patient_id": ep_pid[s_ep],
            "start_date": _dates(ep_start[s_ep] + s_from),
            "end_date": pa.array(end.astype("datetime64[D]"), mask=open_, type=pa.date32()),
        }
    )

    ended = ~open_
    not_red = ~red
    planted = {
        "imaging_without_red_flag": (int((imaged & not_red).sum()), int(not_red.sum())),
        "course_longer_than": (int((course > cfg.max_course_days).sum()), int(course_eps)),
        "contacts_beyond": (int(lasting.sum()), m),
        "sick_leave": (int(sick.sum()), m),
        "back_to_work": (int((ended & (s_to <= cfg.return_to_work_days)).sum()), int(s_ep.size)),
    }
    truth = {}
    for ind_id, compute in profile.indicators.items():
        kind = compute.get("kind")
        if kind == "dispensing" and compute.get("drug") in dispensed:
            truth[ind_id] = (int(dispensed[compute["drug"]].sum()), m)
        elif kind == "referral" and compute.get("referral_type") in referred:
            truth[ind_id] = (int(referred[compute["referral_type"]].sum()), m)
        elif kind in planted and (kind != "course_longer_than" or compute.get("drug") == course_drug):
            truth[ind_id] = planted[str(kind)]
    return _Chunk(tables, truth, m, int(n_enc))

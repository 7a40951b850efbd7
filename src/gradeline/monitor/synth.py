"""Seeded synthetic data in the internal schema, with planted adherence rates and the true counts.

Vectorised numpy -> pyarrow -> Parquet (no per-row Python). Danish coding: five regions (1081-1085)
weighted by
population, real municipality codes, GP/physiotherapist/chiropractor contacts with ICPC-2 L03/L84 (and SKS
DM545 for a share of GP contacts), ATC N02A*/M01A*/N02BE01 dispensings, lumbar imaging, referrals and
sick-leave spells. Episodes are planted so that every indicator has a known true value: ``planted.json``
holds the true numerator and denominator of each indicator (stratum 'all') for the default MonitorConfig.
"""

import json
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa  # type: ignore[import-untyped]
import pyarrow.compute as pc  # type: ignore[import-untyped]
import pyarrow.parquet as pq  # type: ignore[import-untyped]

from gradeline.monitor.config import MonitorConfig
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
BACKGROUND_ICPC2 = np.array(
    ["A97", "R74", "K86", "T90", "P76", "S88", "D01", "L15", "L90", "L86", "R05", "U71"]
)
OTHER_ATC = np.array(["C10AA01", "A02BC01", "N06AB04", "C09AA02", "R03AC02"])
RED_FLAG_SKS = np.array(["DC795", "DS320", "DM464", "DG834"])


@dataclass(frozen=True)
class PlantedRates:
    """Per-episode probabilities by first-contact profession (GP, PT, CHIRO)."""

    imaging: tuple[float, float, float] = (0.10, 0.03, 0.15)
    red_flag: float = 0.03
    opioid: tuple[float, float, float] = (0.12, 0.04, 0.05)
    opioid_long: float = 0.35
    nsaid: tuple[float, float, float] = (0.30, 0.10, 0.12)
    paracetamol: tuple[float, float, float] = (0.15, 0.05, 0.06)
    supervised_exercise: tuple[float, float, float] = (0.20, 0.55, 0.30)
    patient_education: tuple[float, float, float] = (0.10, 0.35, 0.25)
    long_lasting: float = 0.12
    sick_leave: float = 0.08
    back_within_12_weeks: float = 0.70


@dataclass(frozen=True)
class SynthSpec:
    patients: int
    seed: int = 1
    start: date = date(2021, 1, 1)
    years: int = 3
    background_per_patient: float = 7.5
    rates: PlantedRates = field(default_factory=PlantedRates)


def _dict_array(values: np.ndarray, index: np.ndarray) -> pa.Array:
    return pa.DictionaryArray.from_arrays(pa.array(index.astype(np.int32)), pa.array(values.astype(str)))


def _dates(days: np.ndarray) -> pa.Array:
    return pa.array(days.astype("datetime64[D]"), type=pa.date32())


def _by_profession(
    rng: np.random.Generator, prof: np.ndarray, rates: tuple[float, float, float]
) -> np.ndarray:
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
    cfg = MonitorConfig()
    out.mkdir(parents=True, exist_ok=True)
    writers: dict[str, pq.ParquetWriter] = {}
    truth: dict[str, tuple[int, int]] = {}
    episodes = encounters = 0
    last = date.min
    try:
        for k, first in enumerate(range(0, spec.patients, chunk_patients)):
            rng = np.random.default_rng(spec.seed if k == 0 else [spec.seed, k])
            chunk = _chunk(rng, spec, cfg, min(chunk_patients, spec.patients - first))
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


def _chunk(rng: np.random.Generator, spec: SynthSpec, cfg: MonitorConfig, n: int) -> _Chunk:
    """One chunk of ``n`` patients (ids 1..n) and their records, with the chunk's true counts."""
    rates = spec.rates
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
    red = rng.random(m) < rates.red_flag
    imaged = _by_profession(rng, ep_prof, rates.imaging)
    opioid = _by_profession(rng, ep_prof, rates.opioid)
    opioid_long = opioid & (rng.random(m) < rates.opioid_long)
    nsaid = _by_profession(rng, ep_prof, rates.nsaid)
    para = _by_profession(rng, ep_prof, rates.paracetamol)
    exercise = _by_profession(rng, ep_prof, rates.supervised_exercise)
    education = _by_profession(rng, ep_prof, rates.patient_education)
    lasting = rng.random(m) < rates.long_lasting
    sick = rng.random(m) < rates.sick_leave

    # LBP contacts: the first (day 0), follow-ups on days 1-84, one more on days 85-150 when long-lasting
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
    # GP contacts coded in SKS (DM545) for 10 %, else ICPC-2 L03 (70 %) / L84 (30 %)
    lbp_code = np.where(rng.random(lbp_ep.size) < 0.7, 0, 1)
    sks = (lbp_prof == 0) & (rng.random(lbp_ep.size) < 0.10)
    # background contacts (not LBP): anywhere in the data period; the first and last pin the period
    nb = int(n * spec.background_per_patient)
    b_pid = rng.integers(1, n + 1, nb)
    b_day = rng.integers(d0, d1 + 1, nb)
    if nb >= 2:
        b_day[0], b_day[1] = d0, d1
    b_prof = rng.choice(3, nb, p=[0.8, 0.12, 0.08])
    b_clinic = offsets[b_prof] + region[b_pid - 1] * per_region[b_prof] + rng.integers(0, per_region[b_prof])

    codes = np.concatenate([np.array(["L03", "L84", "DM545"]), BACKGROUND_ICPC2, RED_FLAG_SKS])
    code_idx = np.concatenate(
        [
            np.where(sks, 2, lbp_code),
            3 + rng.integers(0, BACKGROUND_ICPC2.size, nb),
            3 + BACKGROUND_ICPC2.size + rng.integers(0, RED_FLAG_SKS.size, r_ep.size),
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

    # imaging: planted lumbar studies on days 0-42; background non-lumbar studies anywhere
    i_ep = np.flatnonzero(imaged)
    i_day = ep_start[i_ep] + rng.integers(0, cfg.imaging_window_days + 1, i_ep.size)
    nbi = n // 20
    img_pid = np.concatenate([ep_pid[i_ep], rng.integers(1, n + 1, nbi)])
    img_day = np.concatenate([i_day, rng.integers(d0, d1 + 1, nbi)])
    img_mod = np.concatenate([rng.choice(3, i_ep.size, p=[0.6, 0.35, 0.05]), rng.integers(0, 4, nbi)])
    img_site = np.concatenate([np.zeros(i_ep.size, np.int64), np.ones(nbi, np.int64)])
    tables["imaging"] = pa.table(
        {
            "patient_id": img_pid,
            "imaging_date": _dates(img_day),
            "modality": _dict_array(np.array(["MR", "RX", "CT", "US"]), img_mod),
            "body_site": _dict_array(np.array(["lumbar", "other"]), img_site),
        }
    )

    # prescriptions: opioid (short: one dispensing of 3-7 days; long: 10-28 days, sometimes a refill),
    # NSAID, paracetamol (plus OTC paracetamol that must not count) and unrelated drugs
    o_ep = np.flatnonzero(opioid)
    o_day = rng.integers(0, 31, o_ep.size)
    o_long = opioid_long[o_ep]
    o_supply = np.where(o_long, rng.choice([10, 14, 20, 28], o_ep.size), rng.choice([3, 5, 7], o_ep.size))
    refill = o_long & (rng.random(o_ep.size) < 0.4)
    rf_ep = o_ep[refill]
    rf_day = o_day[refill] + o_supply[refill]
    rf_supply = np.full(rf_ep.size, 10)
    course = o_supply.copy()
    course[refill] = rf_day - o_day[refill] + rf_supply
    n_ep_ = np.flatnonzero(nsaid)
    p_ep = np.flatnonzero(para)
    otc = np.flatnonzero(rng.random(m) < 0.2)
    no_ep = np.flatnonzero(n_ep == 0)
    other = rng.integers(0, no_ep.size, n // 4) if no_ep.size else np.zeros(0, np.int64)
    rx_pid = np.concatenate(
        [ep_pid[o_ep], ep_pid[rf_ep], ep_pid[n_ep_], ep_pid[p_ep], ep_pid[otc], pid[no_ep[other]]]
    )
    rx_day = np.concatenate(
        [
            ep_start[o_ep] + o_day,
            ep_start[rf_ep] + rf_day,
            ep_start[n_ep_] + rng.integers(0, cfg.followup_days + 1, n_ep_.size),
            ep_start[p_ep] + rng.integers(0, cfg.followup_days + 1, p_ep.size),
            ep_start[otc] + rng.integers(0, 30, otc.size),
            rng.integers(d0, d1 + 1, other.size),
        ]
    )
    atc = np.concatenate([np.array(["N02AX02", "N02AA01", "M01AE01", "M01AB05", "N02BE01"]), OTHER_ATC])
    rx_atc = np.concatenate(
        [
            rng.integers(0, 2, o_ep.size),
            np.ones(rf_ep.size, np.int64),
            2 + rng.integers(0, 2, n_ep_.size),
            np.full(p_ep.size, 4),
            np.full(otc.size, 4),
            5 + rng.integers(0, OTHER_ATC.size, other.size),
        ]
    )
    rx_supply = np.concatenate(
        [
            o_supply,
            rf_supply,
            rng.choice([10, 20, 30], n_ep_.size),
            rng.choice([10, 25], p_ep.size),
            np.full(otc.size, np.nan),
            rng.choice([30, 90], other.size),
        ]
    ).astype(float)
    rx_onpres = np.concatenate(
        [
            np.ones(rx_pid.size - otc.size - other.size, bool),
            np.zeros(otc.size, bool),
            np.ones(other.size, bool),
        ]
    )
    tables["prescriptions"] = pa.table(
        {
            "patient_id": rx_pid,
            "dispense_date": _dates(rx_day),
            "atc": _dict_array(atc, rx_atc),
            "days_supply": pa.array(rx_supply, from_pandas=True),
            "on_prescription": rx_onpres,
        }
    )

    # referrals on days 0-84, plus referrals of type other
    x_ep, u_ep = np.flatnonzero(exercise), np.flatnonzero(education)
    q_ep = np.flatnonzero(rng.random(m) < 0.1)
    ref_pid = np.concatenate([ep_pid[x_ep], ep_pid[u_ep], ep_pid[q_ep]])
    ref_day = np.concatenate(
        [
            ep_start[x_ep] + rng.integers(0, cfg.followup_days + 1, x_ep.size),
            ep_start[u_ep] + rng.integers(0, cfg.followup_days + 1, u_ep.size),
            ep_start[q_ep] + rng.integers(0, 200, q_ep.size),
        ]
    )
    ref_type = np.concatenate(
        [np.zeros(x_ep.size, np.int64), np.ones(u_ep.size, np.int64), np.full(q_ep.size, 2)]
    )
    types = np.array(["supervised_exercise", "patient_education", "other"])
    tables["referrals"] = pa.table(
        {
            "patient_id": ref_pid,
            "referral_date": _dates(ref_day),
            "referral_type": _dict_array(types, ref_type),
        }
    )

    # sick leave: spell starting 14 days before to 60 days after day 0; ends within 84 days of day 0 for a
    # planted share, later (or still open at the end of data) otherwise
    s_ep = np.flatnonzero(sick)
    s_from = rng.integers(-cfg.sick_leave_lead_days, 61, s_ep.size)
    back = rng.random(s_ep.size) < rates.back_within_12_weeks
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
    truth = {
        "billeddiagnostik-uden-roede-flag": (int((imaged & not_red).sum()), int(not_red.sum())),
        "opioid-udlevering": (int(opioid.sum()), m),
        "opioid-laengere-forloeb": (int((course > cfg.max_opioid_days).sum()), int(o_ep.size)),
        "nsaid-udlevering": (int(nsaid.sum()), m),
        "paracetamol-udlevering": (int(para.sum()), m),
        "henvisning-superviseret-traening": (int(exercise.sum()), m),
        "henvisning-patientuddannelse": (int(education.sum()), m),
        "langvarigt-forloeb": (int(lasting.sum()), m),
        "sygemelding": (int(sick.sum()), m),
        "tilbage-i-arbejde": (int((ended & (s_to <= cfg.return_to_work_days)).sum()), int(s_ep.size)),
    }
    return _Chunk(tables, truth, m, int(n_enc))

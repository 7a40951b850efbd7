"""Decision support: plans per second in-process, and ``POST /api/plan`` under a bounded loopback load
against the app's cheapest JSON endpoint (one outcome row, ``GET /api/recommendations/{id}/outcomes/{id}``)
in the same run and the same server (waitress, 2 threads; a new connection per request)."""

import json
import time
from typing import Any

from benchmarks.loadgen import http_get, json_body, load, post_json, running_app

REQUESTS = 2000
CONCURRENCY = 8
WARMUP = 100
PLANS = 2000
PATIENTS: list[dict[str, Any]] = [
    {"age_years": 40, "duration_weeks": 3, "worried_or_fearful": "yes", "wants_imaging": "yes"},
    {"age_years": 16, "duration_days": 10},
    {
        "age_years": 55,
        "duration_weeks": 2,
        "red_flags": {"saddle_anaesthesia": True},
        "other_red_flags": "no",
    },
    {"age_years": 30, "duration_weeks": 13, "muscle_weakness": "yes", "severe_pain_acute_phase": "yes"},
    {},
]


def _in_process() -> dict[str, Any]:
    from gradeline.content.pack import DEFAULT_PACK, cached_pack
    from gradeline.decide import PatientContext, load_rules, make_plan

    guideline, rules = cached_pack(), load_rules(DEFAULT_PACK)
    contexts = [PatientContext.model_validate(p) for p in PATIENTS]
    for context in contexts:
        make_plan(context, guideline, rules)
    began = time.perf_counter()
    for i in range(PLANS):
        make_plan(contexts[i % len(contexts)], guideline, rules)
    wall = time.perf_counter() - began
    return {
        "plans": PLANS,
        "plans_per_second": round(PLANS / wall, 1),
        "mean_ms": round(wall / PLANS * 1000, 3),
    }


def run() -> dict[str, Any]:
    """Plans per second in-process; p50/p99 and throughput of POST /api/plan vs the cheapest JSON GET."""
    result: dict[str, Any] = {
        "settings": {
            "requests_per_target": REQUESTS,
            "concurrency": CONCURRENCY,
            "app": "waitress, 2 threads; SQLite (unused by these endpoints)",
            "client": "Python threads + http.client, a new connection per request",
            "patients": len(PATIENTS),
        },
        "in_process": _in_process(),
    }
    with running_app() as port:
        recs = json.loads(http_get(port, "/nkr-laenderygsmerter/api/recommendations")[1])
        rec = next(r for r in recs if r["outcomes"])
        baseline_path = (
            f"/nkr-laenderygsmerter/api/recommendations/{rec['id']}/outcomes/{rec['outcomes'][0]['id']}"
        )
        bodies = [json_body(p) for p in PATIENTS]
        counter = iter(range(10**9))

        def plan_call() -> int:
            return post_json(port, "/nkr-laenderygsmerter/api/plan", bodies[next(counter) % len(bodies)])[0]

        def baseline_call() -> int:
            return http_get(port, baseline_path)[0]

        assert plan_call() == 200 and baseline_call() == 200
        load(plan_call, WARMUP, CONCURRENCY)
        load(baseline_call, WARMUP, CONCURRENCY)
        plan = load(plan_call, REQUESTS, CONCURRENCY)
        baseline = load(baseline_call, REQUESTS, CONCURRENCY)
    result["post_api_plan"] = plan
    result["baseline_get_outcome"] = {"path": baseline_path, **baseline}
    result["plan_baseline_throughput_ratio"] = round(plan["throughput_rps"] / baseline["throughput_rps"], 3)
    result["plan_baseline_p50_ratio"] = round(plan["p50_ms"] / baseline["p50_ms"], 3)
    return result


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))

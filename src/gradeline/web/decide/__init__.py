"""Decision support in the web app: the form with the plan beside it, the patient handout, ``POST /api/plan``
and the question catalogue (``GET /api/plan/questions``). The plan is :func:`gradeline.decide.make_plan`'s."""

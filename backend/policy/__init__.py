"""Regional policy as data and the one evaluator: who qualifies for which subsidy, how much, from when,
and why. Policy files live in `regions/` (one TOML file per GB/T 2260 code); docs/policy.md explains them."""

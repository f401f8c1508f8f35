"""Setting up Accord: the administrators' task list (issue 18, item 8).

- `steps`: the steps and the rules that give each its state, a pure function of `SetupFacts`;
- `facts`: the one query function that gathers those facts from the register, the framework,
  the imports and the published register;
- `services`: the one thing this page records itself, an administrator's confirmation that they
  have checked the rulebook (ADR 0039).
"""

"""A state of the partnership cycle in the council's words: the name its framework gives the stage
(`stages`), or Accord's plain name where the framework names none (`accord.register.states`)."""

from accord.register import states

from .schema import Framework


def stage_name(framework: Framework, state: str) -> str:
    for stage in framework.stages:
        if stage.id == state:
            return stage.name
    return states.NAMES.get(state, state)


def path(framework: Framework) -> list[tuple[str, str]]:
    """The cycle's main path as (state, the framework's name for it), in order."""
    return [(state, stage_name(framework, state)) for state in states.MAIN_PATH]

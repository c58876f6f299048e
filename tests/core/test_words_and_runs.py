"""The engine's words live in one module, and the show's history reads the same from every layer."""

from __future__ import annotations

import inspect

from runofshow.core import words
from runofshow.core.live import SlotRun
from runofshow.core.runs import merge_runs
from runofshow.core.show import ShowEngine
from tests.core.helpers import at, seed


def test_every_word_is_a_sentence_or_a_typed_function_that_makes_one() -> None:
    public = {name: value for name, value in vars(words).items()
              if not name.startswith("_") and getattr(value, "__module__", words.__name__) == words.__name__}
    for name, value in public.items():
        if callable(value):
            signature = inspect.signature(value)
            assert signature.return_annotation == "str", name
            assert all(p.annotation is not inspect.Parameter.empty for p in signature.parameters.values()), name
        else:
            assert isinstance(value, str) and value == value.strip() and value, name


def test_the_engine_says_what_the_words_module_holds() -> None:
    engine = ShowEngine(seed())
    assert engine.execute("pause", at(13, 0)).message == words.NOTHING_RUNNING == "nothing is running"
    engine.execute("goto", at(13, 0), {"slot": "reception"})
    engine.execute("next", at(13, 1))
    assert engine.execute("go", at(13, 2)).message == words.SHOW_IS_OVER_RUN_AGAIN
    assert engine.execute("add_time", at(13, 2), {"seconds": 90}).message == "no slot is loaded"
    assert words.time_changed(90) == "added 1:30" and words.time_changed(-45) == "removed 0:45"


def test_a_slot_run_twice_is_merged_from_its_first_start_to_its_last_end() -> None:
    runs = (SlotRun("a", 0.0, 100.0, 10.0, 0.0), SlotRun("b", 100.0, 200.0, 0.0, 0.0),
            SlotRun("a", 200.0, 260.0, 0.0, 30.0))
    assert merge_runs(runs) == {"a": (0.0, 260.0, 150.0), "b": (100.0, 200.0, 100.0)}


def test_a_run_paused_longer_than_it_lasted_counts_as_no_time() -> None:
    assert merge_runs((SlotRun("a", 0.0, 10.0, 50.0, 0.0),)) == {"a": (0.0, 10.0, 0.0)}

"""Places as a tree: what activities at some places reach, and what they leave untouched."""

from __future__ import annotations

from activities.domain.places import PlaceTree

# county > city > {north > {n1, n2}, south > {s1}}; a second county with nothing beneath.
TREE = PlaceTree({"county": None, "city": "county", "north": "city", "n1": "north",
                  "n2": "north", "south": "city", "s1": "south", "other": None})


def test_a_place_covers_what_lies_beneath_it() -> None:
    assert sorted(TREE.beneath("north")) == ["n1", "n2", "north"]
    assert TREE.ancestors("n1") == ["north", "city", "county"]
    assert TREE.covered([["north"], ["s1"]]) == {"north", "n1", "n2", "s1"}
    assert TREE.covered([["n1"], []]) is None  # no place: the whole area


def test_only_the_highest_untouched_places_are_gaps() -> None:
    # n1 is reached; so are its ancestors, partly. n2 and south are untouched, and so is
    # s1 beneath south, but south is the gap. The other county is untouched whole.
    assert TREE.untouched([["n1"]]) == ["n2", "other", "south"]
    assert TREE.untouched([["city"]]) == ["other"]
    assert TREE.untouched([["n1"], ["n2"], ["s1"], ["other"]]) == []
    assert TREE.untouched([]) == ["county", "other"]  # nobody anywhere: the roots
    assert TREE.untouched([[]]) == []  # an activity for the whole area reaches everything


def test_places_meet_where_one_lies_in_the_other() -> None:
    assert TREE.overlap(["north"], ["n1", "s1"]) == ["n1"]
    assert TREE.overlap(["n1"], ["n1"]) == ["n1"]
    assert TREE.overlap(["n1"], ["n2"]) is None
    assert TREE.overlap([], ["s1"]) == ["s1"]
    assert TREE.overlap([], []) == []


def test_a_place_may_not_end_up_inside_itself() -> None:
    assert TREE.would_loop("north", "n1")
    assert TREE.would_loop("city", "city")
    assert not TREE.would_loop("n1", "south")
    assert not TREE.would_loop("n1", None)

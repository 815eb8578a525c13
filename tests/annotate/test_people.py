"""People resolved from the shape of the sentence: copulas, appositives, surnames,
counterparts and envoys' hosts, on sentences written for these tests."""

from __future__ import annotations

import pytest

from dyad.annotate.actors import DocContext, resolve_actors
from dyad.annotate.people import name_end
from dyad.reference.gazetteer import tokenize


def people(text: str, date: str, ctx: DocContext) -> dict[str, tuple]:
    return {text[m.start:m.end]: (m.entity.name, m.entity.country, m.entity.role)
            for m in resolve_actors(text, date, ctx) if m.entity.kind == "person"}


@pytest.mark.parametrize(("text", "start", "name"), [
    ("with N. L. Diarra, the envoy", 1, "N. L. Diarra"),
    ("met Olena Petrenko today", 1, "Olena Petrenko"),
    ("met the minister", 1, None),
    ("Director of the bureau", 0, None),
])
def test_name_end(text: str, start: int, name: str | None) -> None:
    tokens = tokenize(text)
    j = name_end(tokens, start)
    found = None if j is None else text[tokens[start].start:tokens[j - 1].end]
    assert found == name


def test_copula_gives_the_name_the_role_and_the_sending_state() -> None:
    ctx = DocContext.from_title("Ghana–Japan relations")
    found = people("The Japanese ambassador to Ghana is Kenji Morita, since 2021.", "2022", ctx)
    assert found["Kenji Morita"] == ("Kenji Morita", "JPN", "ambassador")


def test_ambassador_to_a_side_of_the_pair_is_from_the_other_side() -> None:
    ctx = DocContext.from_title("Ghana–Japan relations")
    found = people("The ambassador to Japan is Ama Owusu, appointed last year.", "2022", ctx)
    assert found["Ama Owusu"] == ("Ama Owusu", "GHA", "ambassador")
    assert found["The ambassador"][1] == "GHA"


def test_appositive_title_gives_role_and_state() -> None:
    ctx = DocContext.from_title("Ghana–Japan relations")
    text = ("Talks were led by Hiroshi Tanaka, Director of the Africa Bureau of the Japanese "
            "Ministry of Foreign Affairs, and Kofi Mensah, Secretary General of the Ministry of "
            "Trade of Ghana.")
    found = people(text, "2019", ctx)
    assert found["Hiroshi Tanaka"] == ("Hiroshi Tanaka", "JPN", "director")
    assert found["Kofi Mensah"] == ("Kofi Mensah", "GHA", "secretary general")


def test_an_appositive_envoy_is_of_the_sending_state_not_the_posting() -> None:
    ctx = DocContext.from_title("Ghana–Japan relations")
    found = people("Talks resumed after Kenji Morita, the Japanese ambassador to Peru, "
                   "intervened.", "2022", ctx)
    assert found["Kenji Morita"] == ("Kenji Morita", "JPN", "ambassador")
    # no state of its own: the other side of the posting, as for a copula
    found = people("Talks resumed after Ama Owusu, the ambassador to Japan, intervened.",
                   "2022", ctx)
    assert found["Ama Owusu"] == ("Ama Owusu", "GHA", "ambassador")


def test_a_surname_keeps_the_documents_resolution_and_the_latest_one_wins() -> None:
    ctx = DocContext.from_title("Mali–Russia relations")
    people("Modibo Keïta, the first President of Mali, visited Moscow.", "1961", ctx)
    found = people("In 1962 Keïta signed a trade pact.", "1962", ctx)
    assert found["Keïta"] == ("Modibo Keïta", "MLI", "president")
    people("President Ibrahim Boubacar Keïta left office in 2020.", "2020", ctx)
    found = people("Keïta had won two elections.", "2018", ctx)
    assert found["Keïta"][0] == "Ibrahim Boubacar Keïta"


def test_another_given_name_is_another_person() -> None:
    ctx = DocContext.from_title("Mali–Russia relations")
    people("Modibo Keïta spoke first.", "1961", ctx)
    found = people("Later Salif Keïta sang at the reception.", "1961", ctx)
    assert "Keïta" not in found
    assert found.get("Salif Keïta", (None, None, None))[1] is None


def test_his_counterpart_is_from_the_other_side() -> None:
    ctx = DocContext.from_title("Ghana–Japan relations")
    text = "In 2010 Taro Sato, the special envoy, met his Ghanaian counterpart in Accra."
    assert people(text, "2010", ctx)["Taro Sato"][1] == "JPN"

"""Who a claim is attributed to: one table row per attribution pattern."""

from __future__ import annotations

import pytest

from tests.helpers import claims_of

# (text, quantity_text start, expected canonical sources, expected cue of the first source)
ATTRIBUTIONS = [
    ("According to the NIS, 300 soldiers were killed.", "300", {"National Intelligence Service (South Korea)"},
     "according to"),
    ("The Pentagon said 12,000 troops were deployed.", "12,000", {"US Department of Defense"}, "said"),
    ("12,000 troops were deployed, the Pentagon said.", "12,000", {"US Department of Defense"}, "said"),
    ("12,000 troops were deployed, said Zelensky.", "12,000", {"Volodymyr Zelensky"}, "said"),
    ("Officials told reporters that 40 people died.", "40", {"Officials"}, "told"),
    ("The SBU reported that 30 men were captured.", "30", {"Security Service of Ukraine"}, "reported"),
    ("Ukraine, along with the US and South Korea, has accused North Korea of deploying over 10,000 soldiers.",
     "over 10,000", {"Ukraine", "United States", "South Korea"}, "accused"),
    ("Seoul's intelligence suggests 1,000 soldiers were killed.", "1,000",
     {"National Intelligence Service (South Korea)"}, "suggests"),
    ("A video released by the Security Service of Ukraine (SBU) on Saturday showed the two captured men.", "the two",
     {"Security Service of Ukraine"}, "video released by"),
    ("South Korea's National Intelligence Service (NIS) has confirmed Ukraine's account of capturing two injured "
     "soldiers.", "two", {"National Intelligence Service (South Korea)", "Ukraine"}, "confirmed"),
    ("“Two wounded soldiers were taken to Kyiv,” Zelensky said.", "Two", {"Volodymyr Zelensky"}, "said"),
    ("Zelensky said: “Our troops captured two soldiers.”", "two", {"Volodymyr Zelensky"}, "said"),
    ("A doctor noted that one soldier was killed.", "one", {"doctor"}, "noted"),
    ("Kyiv estimated that 3,000 soldiers were killed.", "3,000", {"Ukraine"}, "estimated"),
    # whose toll it is, after the toll
    ("The tally from the Red Cross stood at 31 dead.", "31", {"Red Cross"}, "tally from"),
    ("The latest toll, from the regional health office, is nine dead.", "nine", {"regional health office"},
     "toll, from"),
    # who the speaker is, set off by commas between the name and the verb after a quotation
    ("“Nine guests were hurt. We called the ambulances,” Piet Marsman, who manages the hotel, told the paper.",
     "Nine", {"Piet Marsman"}, "told"),
    ("“Forty cattle drowned,” Greta Ohlin, a farmer in the delta, said on Monday.", "Forty", {"Greta Ohlin"},
     "said"),
    # a passive of counting names who is counted, and "up from seven reported" names no one
    ("Since Arlo Venn is now counted among the dead, rangers list three climbers as hurt, the warden said.",
     "three", {"warden"}, "said"),
    ("The coroner has now confirmed nine deaths, up from seven reported at noon.", "nine", {"coroner"},
     "confirmed"),
    # a key-points bullet is no part of the name; a speaker's clause is no subject of the verb after it
    ("KEY POINTS\n• Harbour Police says 14 sailors are missing\n• Ferries suspended", "14", {"Harbour Police"},
     "says"),
    ("Dr Lin Ode tells reporters her nurses assessed 33 injured people.", "33", {"Dr Lin Ode"}, "tells"),
    # the speaker after a quotation ends at its own verb, not at the next sentence's
    ('Chief Ola Brun said the crews were tired. "We count 12 injured people," she said. Varga said the count '
     'leaves out walk-ins.', "12", {"Chief Ola Brun"}, "said"),
    # the owner of the figures a line opens with, before its colon
    ("Valley ambulance service tally released at noon: 23 people hurt.", "23", {"Valley ambulance service"}, ":"),
    # "claimed to have ..." after its subject is the subject's claim
    ("The hill militia claimed to have shot down 3 drones.", "3", {"hill militia"}, "claimed"),
    # whoever counts or logs a figure is its source, whatever noun names it
    ("The ferry line counts 14 injured passengers.", "14", {"ferry line"}, "counts"),
    ("A volunteer watchdog has logged 52 drownings on the coast since May.", "52", {"volunteer watchdog"},
     "logged"),
    # a verb of recording with a figure as its object: its subject, a plain noun phrase too, keeps the figure
    ("The canton has registered eleven avalanche deaths this winter.", "eleven", {"canton"}, "registered"),
    ("The prefecture records roughly 30 drownings in a typical summer.", "roughly 30", {"prefecture"}, "records"),
    ("Parish books count 19 sailors lost since 1990.", "19", {"Parish books"}, "count"),
    ("The clinic network, which registered 41 patients, says nine remain on wards.", "41", {"clinic network"},
     "registered"),
]


@pytest.mark.parametrize(("text", "quantity", "sources", "cue"), ATTRIBUTIONS)
def test_sources(text: str, quantity: str, sources: set[str], cue: str) -> None:
    claim = next(c for c in claims_of(text) if c.quantity_text.startswith(quantity))
    assert {s.source_canonical for s in claim.sources} == sources
    assert claim.sources[0].cue == cue


def test_quote_spanning_sentences() -> None:
    text = "“Our soldiers captured North Korean soldiers. Two wounded soldiers were taken to Kyiv,” Zelensky wrote."
    (claim,) = claims_of(text)
    assert [(s.source_canonical, s.scope) for s in claim.sources] == [("Volodymyr Zelensky", "quote")]
    assert claim.metric == "captured"  # inherits the capture of the sentence before


def test_pronoun_resolves_to_last_speaker() -> None:
    text = "Zelensky spoke on Monday. Zelensky said the front was stable. He said 200 soldiers were captured."
    claim = next(c for c in claims_of(text) if c.quantity_text.startswith("200"))
    assert [(s.source_canonical, s.scope) for s in claim.sources] == [("Volodymyr Zelensky", "pronoun")]


def test_indirect_speech_continues_to_next_sentence() -> None:
    text = "The ministry said that the attack was repelled. Some 40 soldiers were killed in the fighting."
    (claim,) = claims_of(text)
    assert [(s.source_canonical, s.scope) for s in claim.sources] == [("ministry", "previous_sentence")]


@pytest.mark.parametrize("text", [
    "Some 40 soldiers were killed in the fighting.",
    "The war has displaced 6 million people since 2022.",
    "Russia's invasion began when 100,000 troops crossed the border.",
])
def test_no_source_is_invented(text: str) -> None:
    (claim,) = claims_of(text)
    assert claim.sources == []


def test_headline_takes_sources_of_the_body_claim_it_summarises() -> None:
    claims = claims_of("The SBU said that two North Korean soldiers were captured.", title="Two captured")
    title = next(c for c in claims if c.section == "title")
    assert [(s.source_canonical, s.scope) for s in title.sources] == [("Security Service of Ukraine", "body")]


def _sources_of(text: str) -> list[tuple[str, set[str]]]:
    return [(c.quantity_text, {s.source_canonical for s in c.sources}) for c in claims_of(text)]


def test_each_line_of_a_list_speaks_for_its_own_speaker() -> None:
    text = ("AT A GLANCE\n- Harbour police: 9 dead; 31 in hospital\n- Red Crescent: 14 dead\n"
            "- 60 treated for smoke")
    assert _sources_of(text) == [("9 dead", {"Harbour police"}), ("31", {"Harbour police"}),
                                 ("14 dead", {"Red Crescent"}), ("60", set())]


def test_a_surname_is_the_person_the_article_names_in_full() -> None:
    text = ("Fire chief Marta Olsson said 12 people died. Olsson later said 13 had died. "
            "Mayor Pia Lund put the toll at 15. Mayor Lund said 15 people died.")
    assert _sources_of(text) == [("12 people", {"Fire chief Marta Olsson"}), ("13", {"Fire chief Marta Olsson"}),
                                 ("15", {"Mayor Pia Lund"}), ("15 people", {"Mayor Pia Lund"})]


def test_two_people_with_one_surname_stay_apart() -> None:
    text = "Judge Ana Berg said 4 died. Her brother Olaf Berg said 6 died. Berg said 5 were hurt."
    assert _sources_of(text)[-1] == ("5", {"Berg"})


def test_a_quotation_closed_by_a_full_stop_is_not_the_next_sentences_speakers() -> None:
    text = 'Then Olsson said: "We now count 13 dead." Mayor Pia Lund said 15 people died.'
    assert _sources_of(text)[0] == ("13 dead", {"Olsson"})
    assert _sources_of('"We now count 13 dead," Olsson said.')[0] == ("13 dead", {"Olsson"})


def test_a_quotation_opening_a_sentence_goes_on_in_the_voice_of_the_sentence_before() -> None:
    text = ('Harbour master Ines Vale said on Monday that nothing had "changed at all". "Nine sailors died. '
            'Four are still missing."')
    assert _sources_of(text) == [("Nine sailors", {"Ines Vale"}), ("Four", {"Ines Vale"})]
    assert _sources_of('The tide turned at noon. "Nine sailors died."') == [("Nine sailors", set())]


def test_a_name_then_where_it_spoke_then_a_colon_introduces_its_quotation() -> None:
    text = '14:05 - Fire chief Dana Okoro, speaking outside the depot: "We found 6 people dead."'
    assert _sources_of(text) == [("6 people dead", {"Fire chief Dana Okoro"})]


def test_a_named_subject_then_a_colon_introduces_its_quotation() -> None:
    text = 'Councillor Rosa Vint went further on local radio: "We lost 8 people. Nobody listened."'
    assert _sources_of(text) == [("8 people", {"Councillor Rosa Vint"})]
    assert _sources_of('The hall fell silent: "We lost 8 people."') == [("8 people", set())]


def test_a_quotation_opening_a_paragraph_goes_on_after_a_paragraph_closed_by_its_speaker() -> None:
    text = ('The governor blamed the port for the delays, Amir Haddad said.\n\n'
            '"They ignored the warnings for years. Now 23 dockers are in hospital."')
    assert _sources_of(text) == [("23 dockers", {"Amir Haddad"})]
    text = ('Amir Haddad said the governor blamed the port, and then the meeting ended.\n\n'
            '"Now 23 dockers are in hospital."')
    assert _sources_of(text) == [("23 dockers", set())]


def test_each_side_of_a_but_keeps_its_own_source() -> None:
    text = "The river authority said 15 people had drowned, but the county coroner put the toll at 11."
    assert _sources_of(text) == [("15 people", {"river authority"}), ("11", {"county coroner"})]


def test_officials_there_said() -> None:
    assert _sources_of("A bridge fell near the port, killing 4 workers, officials there said.") == [
        ("4 workers", {"officials"})]


def test_a_colon_speaker_named_with_of_the() -> None:
    text = "Major Ana Ruiz of the Coastal Command: 3 sailors were injured in the blast."
    assert _sources_of(text)[0][1] != set()


def test_a_statement_from_a_body_on_an_event_is_the_bodys() -> None:
    text = "Statement from the Harbour Board on the collapse at Pier 4: 6 workers were injured."
    assert _sources_of(text) == [("6 workers", {"Harbour Board"})]


def test_a_mixed_case_acronym_the_article_defines_is_one_origin_with_its_name() -> None:
    from claimledger.attribution.sources import acronyms_defined
    assert acronyms_defined("Transportes de Lisboa (TransLis) said 4 died.") == {"TransLis": "Transportes de Lisboa"}


def test_a_participle_of_counting_names_no_source() -> None:
    claims = claims_of("With 97 percent of the ballots counted, the challenger leads by 410 votes.")
    assert all(c.sources == [] for c in claims)


@pytest.mark.parametrize("text", [
    "Six hundred fighters are claimed to have joined the militia.",
    "The militia, claimed to have 600 fighters, holds the ridge.",
    "Some 30 walkers reported to clinics with blisters.",
])
def test_a_passive_or_participle_before_to_names_no_source(text: str) -> None:
    assert all(c.sources == [] for c in claims_of(text))


@pytest.mark.parametrize("text", [
    # a speech verb's participle after a form of "be" is a passive: who is counted or told, not who speaks
    "Thirty-four were admitted to the burns unit overnight and 12 went home. Four are critical.",
    "Eleven fatalities were confirmed at the quarry, and 30 miners were brought up alive.",
    "Nine passengers were warned that 40 cabins had flooded.",
])
def test_a_passive_of_a_speech_verb_names_no_source(text: str) -> None:
    assert all(c.sources == [] for c in claims_of(text))


@pytest.mark.parametrize(("text", "sources"), [
    ("Ranger staff were saying that 16 hikers were stranded.", {"Ranger staff"}),
    ("The coroner was quoted as saying 23 people had died.", {"coroner"}),
])
def test_a_progressive_or_quoted_speaker_still_speaks(text: str, sources: set[str]) -> None:
    claim = claims_of(text)[0]
    assert {s.source_canonical for s in claim.sources} == sources


@pytest.mark.parametrize(("text", "sources"), [
    # a sentence opening with a figure that has no noun of its own breaks down the group of the account before
    ("Ward manager Ola Brandt said the clinic had run out of beds. Twenty-two were kept overnight on camp beds "
     "in the corridor and nine went home after treatment at the gate.", {"Ward manager Ola Brandt"}),
    ("Coastguard officer Pim Daal said the crew had been found. 14 were lifted off by the lifeboat from the "
     "harbour station before the tide turned.", {"Coastguard officer Pim Daal"}),
    # a partitive names its group itself and may be the writer's own breakdown
    ("Fire chief Ana Ruiz said the blaze was out by dawn. Three of the dead were volunteers from the riverside "
     "brigade who had arrived first at the mill.", set()),
])
def test_a_figure_with_no_noun_opening_a_sentence_goes_on_with_the_account_before(
        text: str, sources: set[str]) -> None:
    claims = [c for c in claims_of(text) if c.sentence.startswith(("Twenty", "14", "Three"))]
    assert claims
    assert all({s.source_text for s in c.sources} == sources for c in claims)


@pytest.mark.parametrize("text", ["Official figures: 12 dead.", "Death toll so far: 12 dead."])
def test_a_label_before_figures_names_no_owner(text: str) -> None:
    assert all(c.sources == [] for c in claims_of(text))


@pytest.mark.parametrize("phrase", ["Nine", "Twelve", "forty"])
def test_a_number_word_alone_is_no_source(phrase: str) -> None:
    from claimledger.attribution.sources import looks_like_source

    assert not looks_like_source(phrase, sentence_initial=True, strong=True)


@pytest.mark.parametrize(("written", "name"), [
    # a list line's dash, an editor's label and the next line are no part of the name
    ("- The Harbour Trust", "Harbour Trust"),
    ("(updated) Dr Mina Sol", "Dr Mina Sol"),
    ("coast guard\n• Two of the divers", "coast guard"),
    # whose figures they are
    ("Harbour Trust figures", "Harbour Trust"),
    ("sheriff count", "sheriff"),
    ("the latest count", "latest count"),
])
def test_a_sources_name_is_cleaned_of_what_surrounds_it(written: str, name: str) -> None:
    from claimledger.attribution.sources import canonical

    assert canonical(written) == name


@pytest.mark.parametrize(("body", "sources"), [
    # the same figure attributed later in its paragraph
    ("Guides rescued 30 hikers.\n\nFour climbers have died. Two fell at the ridge. The rangers said four climbers "
     "had died by nightfall.", ["rangers"]),
    ("Guides rescued 30 hikers.\n\nFour climbers have died.\n\nThe rangers said four climbers had died by "
     "nightfall.", []),
])
def test_a_figure_restated_with_its_source_later_in_the_paragraph(body: str, sources: list[str]) -> None:
    first = claims_of(body)[1]
    assert first.quantity_text == "Four climbers"
    assert [s.source_canonical for s in first.sources] == sources


@pytest.mark.parametrize(("body", "sources"), [
    # a later sentence of the paragraph whose sources say they give the same figure
    ("Eleven climbers froze to death. The Alpine Club and Mountain Rescue both give the same toll.",
     ["Alpine Club", "Mountain Rescue"]),
    ("Eleven climbers froze to death. Four were guides. Rangers and the county coroner give an identical figure, "
     "eleven.", ["Rangers", "county coroner"]),
    ("Eleven climbers froze to death. Park staff give the same number of 11.", ["Park staff"]),
    # sources that say they agree on the figure
    ("Eleven climbers froze to death. The lodge, the rangers and the coroner agree on that toll.",
     ["lodge", "rangers", "coroner"]),
    ("Eleven climbers froze to death. Guides agree on little else.", []),
    # a sentence between them with a source of its own speaks for itself; another paragraph is another account
    ("Eleven climbers froze to death. The lodge said 30 guests left early. Rangers give the same figure.", []),
    ("Eleven climbers froze to death.\n\nRangers and the coroner give the same figure.", []),
    # a later figure with no agreement word names no earlier figure's source
    ("Eleven climbers froze to death. Rangers give a figure of 14.", []),
])
def test_sources_that_agree_on_a_figure_later_in_its_paragraph(body: str, sources: list[str]) -> None:
    first = claims_of(body)[0]
    assert first.quantity_text.startswith("Eleven")
    assert [s.source_canonical for s in first.sources] == sources


def test_sources_that_agree_further_on_speak_for_the_paragraphs_first_figure_only() -> None:
    (eleven, eleven_sources), (four, four_sources) = _sources_of(
        "Eleven climbers froze to death. Four died by the hut. The warden died later. Rangers and the coroner give "
        "the same toll.")
    assert (eleven, four) == ("Eleven", "Four")
    assert {"Rangers", "coroner"} <= eleven_sources and four_sources == set()


def test_sources_that_give_a_toll_in_its_sentence() -> None:
    (claim,) = [c for c in claims_of("The ferry firm and the harbour police give a toll of six.") if c.value_low == 6]
    assert {s.source_canonical for s in claim.sources} == {"ferry firm", "harbour police"}


@pytest.mark.parametrize(("text", "quantity", "sources"), [
    # a reduced relative clause after the counted noun names who counts them
    ("Of the 52 passengers the airline lists as hurt, six remain in hospital.", "the 52", {"airline"}),
    ("Three hikers the park service still lists as missing were found on Friday.", "Three", {"park service"}),
    ("Relatives buried the 11 miners Kovar Mining counts as dead.", "the 11", {"Kovar Mining"}),
    ("Forty homes flooded. That was the figure firefighters gave at noon.", "Forty", {"firefighters"}),
    # a verb of being or a link word is no counted noun: the phrase after it names no one
    ("Two were the brothers found dead near the weir.", "Two", set()),
    ("Two of the 3 walkers reported missing remain unaccounted for.", "Two", set()),
])
def test_a_reduced_relative_clause_names_who_counts(text: str, quantity: str, sources: set[str]) -> None:
    claim = next(c for c in claims_of(text) if c.quantity_text.startswith(quantity))
    assert {s.source_canonical for s in claim.sources} == sources


@pytest.mark.parametrize(("text", "sources"), [
    # indirect speech to someone named: "told <whom> that" goes on in the next sentence, as "said that" does
    ("Warden Oda Brink told the Valley Courier that the avalanche had buried the lower lift station. Fourteen "
     "skiers were dug out alive by patrollers and their dogs over the course of the afternoon.", {"Warden Oda Brink"}),
    ("The operator briefed councillors on Tuesday that the gas main had been shut. About 300 households were left "
     "without heating for most of the night across the eastern districts of town.", {"operator"}),
    # a warning for years is no report of this event's figures
    ("Engineers warned for years that the dam was weak. The 1982 flood on the same river drowned about 700 "
     "people and destroyed most of the farms along the lower valley.", set()),
])
def test_indirect_speech_to_someone_goes_on_in_the_next_sentence(text: str, sources: set[str]) -> None:
    claim = claims_of(text)[0]
    assert {s.source_canonical for s in claim.sources} == sources


@pytest.mark.parametrize(("text", "expected"), [
    # a line that ends at its colon heads the lines under it, up to the next speaker's line
    ("Coast guard figures:\n- 8 sailors missing\n- 21 rescued",
     [("8 sailors", {"Coast guard"}), ("21", {"Coast guard"})]),
    ("Harbour Police list:\n- 8 sailors missing\nRed Crescent: 21 hurt",
     [("8 sailors", {"Harbour Police"}), ("21", {"Red Crescent"})]),
    # a list or register named by its owner before the colon, as "<owner> figures:" is
    ("Army register: 17 soldiers wounded.", [("17 soldiers", {"Army"})]),
    ("Mountain Rescue Service log: 6 walkers airlifted.", [("6 walkers", {"Mountain Rescue Service"})]),
    # a list that names no owner names no source
    ("Casualty list: 17 soldiers wounded.", [("17 soldiers", set())]),
    # a label naming a body by its kind ("committee", "station") names who gives the line's figure
    ("Summary\n• Relief committee: 12 dead\n• Lifeboat station: 30 rescued",
     [("12", {"Relief committee"}), ("30", {"Lifeboat station"})]),
])
def test_a_label_line_names_the_owner_of_the_figures_under_it(text: str, expected: list[tuple[str, set[str]]]) -> None:
    found = _sources_of(text)
    assert [(q, s) for q, s in found if any(q.startswith(e) for e, _ in expected)] == [
        (next(q for q, _ in found if q.startswith(e)), s) for e, s in expected]



@pytest.mark.parametrize(("text", "sources"), [
    # "give" reports only with a figure as its object
    ("She would use the surplus to cut fares, give pensioners a $300 rebate and repair the bridges.", set()),
    ("Our budget cannot give every school 40 new teachers.", set()),
    # a label of figures with no owner ("Key figures:") names no one, before a list or a figure
    ("Key figures:\n- 14 drivers arrested at the blockade", set()),
    ("Key figures: 14 drivers arrested at the blockade", set()),
])
def test_what_names_no_source(text: str, sources: set[str]) -> None:
    claim = claims_of(text)[0]
    assert {s.source_canonical for s in claim.sources} == sources


@pytest.mark.parametrize(("text", "sources"), [
    # a label heading a list speaks with the briefing or statement told of just before it
    ("Chief Inspector Rana Vos, the force's spokeswoman, has just finished a press conference. Key figures:\n\n"
     "- 14 drivers arrested at the blockade\n\n- 3 officers hurt", {"Chief Inspector Rana Vos"}),
    ("The Kessel Water Board issued a statement at noon. In short:\n\n- 2,000 homes without water",
     {"Kessel Water Board"}),
    # no briefing before the label, or another kind of event: no source
    ("Rain fell all night on the valley. Key figures:\n\n- 14 drivers arrested at the blockade", set()),
    ("The Kessel Water Board held a vote at noon. In short:\n\n- 2,000 homes without water", set()),
])
def test_a_list_after_a_briefing_is_the_briefers(text: str, sources: set[str]) -> None:
    claim = claims_of(text)[0]
    assert {s.source_canonical for s in claim.sources} == sources


@pytest.mark.parametrize(("text", "parts"), [
    # a time's "p.m." or "a.m." before a word that opens sentences ends its sentence
    ("The girl was flown out at 7:10 a.m. The clinic said 28 pupils were kept in.",
     ["The girl was flown out at 7:10 a.m.", "The clinic said 28 pupils were kept in."]),
    ("Power came back at 11 p.m. It had been off for nine hours.",
     ["Power came back at 11 p.m.", "It had been off for nine hours."]),
    # before a name or a time zone it does not
    ("The vote closes at 8 p.m. Pacific time on Tuesday.", ["The vote closes at 8 p.m. Pacific time on Tuesday."]),
    ("The vote closed at 8 p.m. Tuesday in Marlow.", ["The vote closed at 8 p.m. Tuesday in Marlow."]),
])
def test_a_time_before_a_sentence_opener_ends_its_sentence(text: str, parts: list[str]) -> None:
    from claimledger.extraction.text import sentences

    assert [s.text for s in sentences(text)] == parts


def test_the_speaker_after_a_time_ending_a_sentence_speaks_for_its_own_sentence() -> None:
    (claim,) = [c for c in claims_of("The girl was flown out at 7:10 a.m. The clinic said 28 pupils were kept in for "
                                     "observation.") if c.value_low == 28]
    assert {s.source_canonical for s in claim.sources} == {"clinic"}


@pytest.mark.parametrize(("body", "quantity", "sources"), [
    # "all" before a figure restates the whole group an earlier figure counted, with that figure's sources
    ("The coast guard said nine fishermen drowned off the cape.\n\nAll nine of the dead were buried in Porthal "
     "on Sunday.",
     "nine of the dead", {"coast guard"}),
    ("Eleven workers were hurt in the fall, the site manager said.\n\nAll 11 injured men are in a stable condition.",
     "11 injured", {"site manager"}),
    # an earlier figure with no source, or another value, gives none
    ("Nine fishermen drowned off the cape.\n\nAll nine of the dead were buried in Porthal on Sunday.",
     "nine of the dead", set()),
    ("The coast guard said nine fishermen drowned off the cape.\n\nAll seven of the dead were buried in Porthal "
     "on Sunday.",
     "seven of the dead", set()),
])
def test_all_restates_the_whole_group_with_its_sources(body: str, quantity: str, sources: set[str]) -> None:
    claim = next(c for c in claims_of(body) if c.quantity_text.startswith(quantity))
    assert {s.source_canonical for s in claim.sources} == sources


@pytest.mark.parametrize(("text", "quantity", "sources"), [
    # a subject's own clause with an auxiliary before "and says": the figure in that clause is the subject's
    ("The border agency has turned back 140 migrants and says its patrols will continue.", "140", {"border agency"}),
    ("Harbour Police had arrested six dockers and said the strike was over.", "six", {"Harbour Police"}),
    # the toll set with its figure before its object: "raised to nine the number of ..."
    ("The ambulance service on Friday lowered to 31 the count of people taken to hospital.", "31",
     {"ambulance service"}),
    ("Cardell fire officials raised to four the toll of the warehouse blaze.", "four", {"Cardell fire officials"}),
])
def test_a_subjects_own_clause_and_an_inverted_toll(text: str, quantity: str, sources: set[str]) -> None:
    claim = next(c for c in claims_of(text) if c.quantity_text.startswith(quantity))
    assert {s.source_canonical for s in claim.sources} == sources


@pytest.mark.parametrize(("text", "quantity", "sources"), [
    # an inquiry, an inquest, an audit or a probe speaks for what it found
    ("The inquest concluded that the boat had carried 23 passengers.", "23", {"inquest"}),
    ("A safety audit found that 14 of the lifts had no working brake.", "14", {"safety audit"}),
    # both sides of a dispute that agree on a figure give it
    ("Both sides agree that 3 guards were hurt.", "3", {"sides"}),
])
def test_an_inquiry_or_both_sides_give_a_figure(text: str, quantity: str, sources: set[str]) -> None:
    claim = next(c for c in claims_of(text) if c.quantity_text.startswith(quantity))
    assert {s.source_canonical for s in claim.sources} == sources


@pytest.mark.parametrize(("text", "sources"), [
    # the next sentence tells of the rest of the group and is attributed at its end: the same report goes on
    ("Six climbers were rescued on Sunday, and five of them have since been discharged. The sixth is expected "
     "to go home on Friday, a clinic spokesman told Radio Alp.", {"clinic spokesman"}),
    ("Nine of the 11 crew reached the shore by raft. The other two were winched from the water, the coastguard "
     "said.", {"coastguard"}),
    # a source opening that sentence speaks of itself, a quotation is another voice, another paragraph
    # another account
    ("Two guards were killed. The third victim, a cook, told reporters she hid in the pantry.", set()),
    ("Two guards were killed. \"The other staff ran,\" a cook told reporters.", set()),
    ("Nine of the 11 crew reached the shore by raft.\n\nThe other two were winched from the water, the coastguard "
     "said.", set()),
])
def test_the_rest_of_a_group_attributed_at_its_end_sources_the_group(text: str, sources: set[str]) -> None:
    claim = claims_of(text)[0]
    assert {s.source_canonical for s in claim.sources} == sources


@pytest.mark.parametrize(("text", "expected"), [
    # every sentence of a transcript's turn is its speaker's, not only the one after the label
    ("ANCHOR: Good evening. The ferry sank at dawn.\n\nLINDQVIST: We pulled people out. The river was high. Thirty are "
     "on wards. Twelve went home.\n\nANCHOR: Thank you.",
     [("Thirty", {"LINDQVIST"}), ("Twelve", {"LINDQVIST"})]),
    # one label alone opens no transcript: a dateline or heading speaks only for its own sentence
    ("HARBOUR TOWN: Divers searched the wreck. The crane came late. Thirty are on wards.", [("Thirty", set())]),
])
def test_a_transcript_turn_is_its_speakers(text: str, expected: list[tuple[str, set[str]]]) -> None:
    found = _sources_of(text)
    for quantity, sources in expected:
        assert next(got for text, got in found if text.startswith(quantity)) == sources, found

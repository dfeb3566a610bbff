"""Rules that keep non-claims out of the checks: one row per pattern, each written in words other
than the ones that suggested it."""

from __future__ import annotations

import pytest

from claimledger.attribution.sources import canonical
from claimledger.extraction.extract import extract_article
from claimledger.extraction.frames import to_frames
from claimledger.extraction.keys import actor_of, origin_body
from claimledger.reading.furniture import is_furniture_line
from claimledger.storage import warehouse
from tests.helpers import article, claims_of


def _one(body: str, quantity_text: str, **kwargs):
    found = [c for c in claims_of(body, **kwargs) if c.quantity_text == quantity_text]
    assert len(found) == 1, [c.quantity_text for c in claims_of(body, **kwargs)]
    return found[0]


def _set_aside(body: str) -> dict[str, str]:
    return {n.number_text: n.kind for n in extract_article(article(body)).set_aside}


# (line, is furniture)
FURNITURE = [
    ("Slide 4 of 20", True),
    ("Picture 2/9", True),
    ("9 of 14 photos", True),
    ("Published 11:02 a.m. Mar 3, 2025 | Updated 2 hours ago", True),
    ("Tweet 87", True),
    ("3.4K shares", True),
    ("Likes (230)", True),
    ("Related: Four hurt in highway pileup", True),
    ("Up next | Crews battle 3-alarm blaze", True),
    ("Page 3 of 4", True),
    ("Hotline for relatives of the missing: 0800 311 2040, open around the clock every day of the week until the "
     "search ends", True),  # a phone number, on a line too long to be furniture for its length
    ("© 2024 Harbor Valley Media", True),
    ("Subscribe now for 99 cents", True),
    ("1 2 3 4 5 6", True),
    ("(1:45)", True),
    ("var ads = {slot: 'top', n: 3}; googletag.cmd.push(function() {});", True),
    ("Updated guidance says 12 schools will close.", False),
    ("Related charges were filed against 3 men.", False),
    ("Share prices fell 4 percent on Monday.", False),
    ("Five people were hurt (two critically), the fire chief said.", False),
    ("WXYZ 2 Morning News © 2025", True),
    ("This website uses cookies to improve your experience.", True),
    ("By Metro desk | 3:12 PM EST", True),
    ("Don't miss: 6 ways to save on heating", True),
    ("2 of 10 free stories left", True),
    ("margin-bottom: 24px;", True),
    ("height:50%;", True),
    ("• Dam toll rises to 12", True),
]


@pytest.mark.parametrize(("line", "expected"), FURNITURE)
def test_furniture_lines(line: str, expected: bool) -> None:
    assert is_furniture_line(line) is expected


@pytest.mark.parametrize(("lead_in", "expected"), [
    ("More from Channel 9 News:", True),  # a list of links to other stories
    ("You may also like", True),
    ("WHAT WE KNOW", False),  # a heading over the article's own key points
    ("The county listed its figures:", False),
])
def test_bulleted_lines_are_furniture_only_under_a_list_of_links(lead_in: str, expected: bool) -> None:
    assert is_furniture_line("• Mine toll rises to 9", lead_in) is expected
    body = f"{lead_in}\n• Mine toll rises to 9\n• Eleven miners were hurt, the county said"
    assert bool(claims_of(body)) is not expected


def test_an_unintroduced_bullet_is_a_key_point_when_it_reports() -> None:
    assert is_furniture_line("• Nine miners have died, the county says") is False
    assert is_furniture_line("• Mine toll rises to 9") is True


def test_numbers_on_furniture_lines_are_set_aside_not_claims() -> None:
    body = "Gallery 5 of 16\n\nTwo hikers were rescued on Sunday, rangers said.\n\nViews 1,204"
    assert [c.quantity_text for c in claims_of(body)] == ["Two hikers"]
    assert _set_aside(body) == {"5": "furniture", "16": "furniture", "1,204": "furniture"}


# (sentence, quantity_text, kind)
KINDS = [
    ("The gunman fired 30 rounds, police said.", "30 rounds", "count"),
    ("The county set aside $2.5 million for repairs.", "$2.5 million", "money"),
    ("Turnout dropped to 38 percent.", "38 percent", "percent"),
    ("The river crested at 22 feet on Friday.", "22", "measure"),
    ("The man, who weighs roughly 210 pounds, fled on foot.", "roughly 210", "measure"),
    ("The fire burned 300 acres of brush.", "300 acres", "measure"),
    ("Rescuers searched for 36 hours.", "36 hours", "measure"),
    ("The senator trails by 7 points in the latest survey.", "7 points", "percent"),
    ("Several voters complained about the lines.", "Several voters", "other"),
    ("Several guards were injured in the riot.", "Several guards", "count"),
]


@pytest.mark.parametrize(("sentence", "quantity_text", "kind"), KINDS)
def test_kind_of_each_number(sentence: str, quantity_text: str, kind: str) -> None:
    assert _one(sentence, quantity_text).kind == kind


# (sentence, number text, kind of the set-aside number)
SET_ASIDE = [
    ("Deputies responded to the 2200 block of Maple Avenue.", "2200", "address"),
    ("Garcia, 27, was booked into the county jail.", "27", "age"),
    ("Anyone with information can call 555-480-1200.", "555", "phone"),
    ("The crash closed Route 9 for hours.", "9", "identifier"),
    ("It was the 3rd arrest this month.", "3", "ordinal"),
    ("She told KQRT 9 News that the road was closed.", "9", "identifier"),
    ("A viewer wrote to NewsChannel 5 about the flooding.", "5", "identifier"),
    ("The shop, at 88 N. Granite Ave., was looted.", "88", "address"),
    ("A passer-by dialed 999 when the fire started.", "999", "phone"),
    ("Dispatchers took the 112 call at noon.", "112", "phone"),
    ("Famed violinist passes, died at 88 in Vienna.", "88", "age"),
    # a name's letters may lie outside A-Z
    ("The skipper, Håkon Sæbø, 61, drowned near the pier.", "61", "age"),
    ("Ilona Dvořák, 39 was named as the second victim.", "39", "age"),
    ("A lorry driver, Chloé Lefèvre, 45, was hurt in the pile-up.", "45", "age"),
    ("Officers were sent to 12 West 3rd Street after the alarm.", "12", "address"),
    ("He served as the No. 3 official in the ministry.", "3", "identifier"),
    # a zero-padded number or a number after a document's name is a label
    ("Flood Bulletin 04 lists the closed roads.", "04", "identifier"),
    ("The agency's Situation Report 7 was issued at noon.", "7", "identifier"),
    ("Trucks queued at Berth 12 overnight.", "12", "identifier"),
    ("The patient in bed 4 was moved first.", "4", "identifier"),
    # a numbered paragraph of a report or release opens its line
    ("3.4 Shelters: 210 families are housed in two schools.", "3.4", "identifier"),
    ("12.3 The bridge remains closed to heavy vehicles.", "12.3", "identifier"),
    # people come whole: a fraction of a person names a section or is a ratio
    ("The coastguard figure in 2.4 includes people treated at home and is unchanged.", "2.4", "identifier"),
    # a person "of" a number is that person's age
    ("Police said a man of 71 and a girl of 9 had drowned.", "71", "age"),
    ("Police said a man of 71 and a girl of 9 had drowned.", "9", "age"),
    ("A boy of 14 on a scooter was hurt when the wall fell.", "14", "age"),  # 'on', quoted in YAML: no boolean
    # a capitalised number word after a school-class word names the class
    ("Her daughter, a Grade Four learner, was treated for a broken wrist.", "Four", "identifier"),
    ("The roof of the Standard Six classroom fell in overnight.", "Six", "identifier"),
]


@pytest.mark.parametrize(("sentence", "number", "kind"), SET_ASIDE)
def test_non_claims_are_set_aside_with_their_kind(sentence: str, number: str, kind: str) -> None:
    assert _set_aside(sentence).get(number) == kind
    assert all(number not in c.quantity_text for c in claims_of(sentence))


def test_a_lower_case_verb_before_a_number_is_no_document_label() -> None:
    assert _one("Aid groups report 60 families without shelter.", "60 families").kind == "count"


# (sentence, quantity_text, metric): the cue of the number's own clause wins.
METRIC_CLAUSES = [
    ("Six passengers were injured and one was killed when the van rolled.", "Six passengers", "injured"),
    ("Six passengers were injured and one was killed when the van rolled.", "one", "killed"),
    ("Two hikers were hurt while a third died of exposure.", "Two hikers", "injured"),
    ("Both victims suffered minor injuries, the fire marshal said.", "Both victims", None),
    ("The two victims are in stable condition with injuries to their legs.", "The two victims", "injured"),
    ("The collision sent five students to a hospital.", "five students", "injured"),
    ("Officers took three men into custody after the brawl.", "three men", "arrested"),
    ("Two teenagers were stabbed to death near the station.", "Two teenagers", "killed"),
    ("Troops moved 4,000 soldiers to the border.", "4,000 soldiers", "deployed"),
    # moved after the count, to a place of treatment: the hurt, not a force; hurt people patched up where they fell
    ("Of the hurt, nine were moved to the trauma centre in Ostrava.", "nine", "injured"),
    ("Three hundred reservists were moved to the frontier.", "Three hundred reservists", "deployed"),
    ("Five spectators were bandaged in the first-aid tent.", "Five spectators", "injured"),
    ("Responding deputies found three men with stab wounds.", "three men", "injured"),
    ("Medics flew two climbers to Alder Valley Trauma Center.", "two climbers", "injured"),
    ("The number of confirmed dead in the mudslide climbed to 57.", "57", "killed"),
    ("Casualties among the militia stood at 1,300, the group said.", "1,300", "casualties"),
    ("The two injured workers were released on Monday.", "The two injured workers", "injured"),
    ("Both surviving victims were listed in fair condition.", "Both surviving victims", None),
    ("Four surviving victims were listed in fair condition.", "Four surviving victims", "injured"),
    ("The state logged 212 traffic deaths last year.", "212 traffic deaths", "killed"),
    ("Two commuters were stabbed on the train.", "Two commuters", "casualties"),
    ("The sheriff assigned 15 deputies to the fairgrounds.", "15 deputies", "deployed"),
    ("The twelve jurors urging Judge Park to impose death were polled.", "The twelve jurors", "other"),
    ("Divers found a drowned horse near the dam.", "a drowned horse", None),
    ("Two attackers stabbed three shoppers at the mall.", "Two attackers", "other"),
    ("Two attackers stabbed three shoppers at the mall.", "three shoppers", "casualties"),
    ("Eight miners trapped by the collapse were rescued.", "Eight miners", "other"),
    ("Four sailors injured in the blast were flown home.", "Four sailors injured", "injured"),
    ("Before dawn, a sniper wounded a medic near the wall.", "a sniper", None),
    # the object of an accused act still had it happen to them; the accused themselves did not
    ("A cook charged with stabbing two diners appeared in court.", "two diners", "casualties"),
    ("Prosecutors say the nurse, accused of killing four patients, acted alone.", "four patients", "killed"),
    ("Two brothers accused of killing a farmer were freed on bail.", "Two brothers", "other"),
    # a toll named as such wins over the cause named inside it
    ("The flood, which also swept away a bridge, pushed the death toll from the storm to 14.", "14", "killed"),
    # a capitalised cue inside a name is no cue
    ("The Border Patrol said 40 migrants were rescued from the truck.", "40 migrants", "other"),
    # the predicate's cue wins over a participle naming which people
    ("Only two of the miners trapped Friday have died, the company said.", "two of the miners", "killed"),
    # an aside with ages between the phrase and its verb
    ("Three sisters, aged 4, 6 and 9, were hospitalized after the fire.", "Three sisters", "injured"),
    ("Two cyclists (one of them 12) were hurt in the crash.", "Two cyclists", "injured"),
    # a list that spells out a group named by what happened to it
    ("Among the injured were two nurses, the hospital said.", "two nurses", "injured"),
    ("The dead: a bus driver, two tourists and a guide.", "two tourists", "killed"),
    ("The rescued passengers — a pilot and three hikers — were unhurt.", "three hikers", "other"),
    ("The surviving crew members, a cook and two deckhands, reached shore.", "two deckhands", "injured"),
    # a list of objects after a kill or capture verb
    ("The landslide buried a shepherd, three of his sons and their flock.", "three of his sons", "other"),
    ("The blast killed the imam, four of his students and a guard.", "four of his students", "killed"),
    ("Rebels seized a priest, two of his deacons and a driver.", "two of his deacons", "captured"),
    ("The storm killed two, and three people remain without power.", "three people", "other"),
    ("Officers made no arrests overnight, though 12 fans were fined for trespassing.", "12 fans", "other"),
    # a bare number right after a group named by what happened to it; an age further down a list is none
    ("Of the 40 injured, 12 were children, the clinic said.", "12", "injured"),
    # a breakdown after a colon, and an earlier value after "up from"
    ("Nine sailors drowned in the storm: five cadets and four instructors.", "five cadets", "killed"),
    ("Nine sailors drowned in the storm: five cadets and four instructors.", "four instructors", "killed"),
    ("Searchers have found 14 bodies, up from nine bodies on Friday.", "nine bodies", "killed"),
    # cues added from reading
    ("Three cyclists were hit by a van on the bridge.", "Three cyclists", "casualties"),
    ("The clinic admitted 22 pupils after the gas leak.", "22 pupils", "injured"),
    ("Mourners followed the coffins of six miners through the town.", "six miners", "killed"),
    ("The trial concerns the murder of three tourists near the lake.", "three tourists", "killed"),
    ("About 900 families spent the night in tents after the tremor.", "About 900 families", "displaced"),
    ("Some 40 firefighters tackled the warehouse fire.", "Some 40 firefighters", "deployed"),
    # a family left behind, a family's size, another figure's noun
    ("The nurse – who leaves behind a husband and three daughters – died on Friday.", "three daughters", "other"),
    ("The town had 12 homicides among its 40,000 residents last year.", "40,000 residents", "other"),
    # words that hold a cue but say nothing happened to anyone counted
    ("Eleven jurors backed the death penalty for the gunman.", "Eleven jurors", "other"),
    # an intransitive verb takes no list of objects
    ("A guard died and two inmates escaped through the roof.", "two inmates", "other"),
    # forces deploy; families, pupils and patients move
    ("The clinic moved 30 patients to a new wing.", "30 patients", "other"),
    ("The city sent 60 police officers to the stadium.", "60 police officers", "deployed"),
    ("Eleven paramedics took part in the drill.", "Eleven paramedics", "deployed"),
    ("About 2,000 residents took part in the march.", "About 2,000 residents", "other"),
    # remains and gunshot wounds
    ("The army returned the remains of 17 marines.", "17 marines", "killed"),
    ("Deputies found two teenagers with gunshot wounds behind the store.", "two teenagers", "casualties"),
    # a record's field label names what its figure counts, with or without a paragraph number
    ("Fatalities: 9 villagers.", "9 villagers", "killed"),
    ("4.1 Wounded: 23 people, nine of them seriously.", "23 people", "injured"),
    ("Missing: 5 people.", "5 people", "missing"),
    # a verb that takes no object: "at" after it opens a place, not whom it happened to
    ("Three climbers perished at the summit ridge.", "Three climbers", "killed"),
    ("Eight died at the site of the collapse.", "Eight", "killed"),
    ("Two gunmen killed at least four guards.", "Two gunmen", "other"),
    # a bare "one" that goes on a list of the hurt with their condition; "one of them said" counts nobody
    # who the people are gives way to what happened to them
    ("Three captives had been shot dead by the time police arrived.", "Three captives", "killed"),
    ("Five refugees were hurt when the shelter roof fell.", "Five refugees", "injured"),
    ("Six captives were freed at dawn.", "Six captives", "captured"),
    # drowning as a verb kills; a near drowning does not
    ("The flash flood swept the campsite away, drowning at least four campers.", "at least four campers", "killed"),
    ("Dozens of children drown each year in garden ponds.", "Dozens of children", "killed"),
    ("Seven divers survived near drownings off the reef.", "Seven divers", "other"),
    # the event a predicate happened in is no predicate of its own
    ("Six shoppers were hurt in a stabbing at the market.", "Six shoppers", "injured"),
    ("Four fans were injured during a shooting outside the arena.", "Four fans", "injured"),
    ("Two guards were shot in the raid on the depot.", "Two guards", "casualties"),
    ("Five crew members remain hospitalised, one in intensive care.", "one", "injured"),
    ("Eight hikers are at the clinic, one of those in a serious condition.", "one", "injured"),
    ("Seven pupils were hurt, one of them told reporters.", "one", None),
    # a year or a thing's number right before the verb counts nothing: the verb governs the figure after it
    ("A landslide in 1998 killed 40 villagers and hurt 75.", "40 villagers", "killed"),
    ("The fire at Pit No. 6 killed three miners and hurt a dozen more.", "three miners", "killed"),
    ("The plant's 1,200 employees produced 300 cars.", "300 cars", "other"),
    # verbs of a harm that hurts without killing, and of one that kills
    ("Hornets stung 15 pupils near the lake, and one pupil died.", "15 pupils", "injured"),
    ("Nine walkers had been bitten by stray dogs this month.", "Nine walkers", "injured"),
    ("Twelve workers have been electrocuted on the grid since 2010.", "Twelve workers", "killed"),
    # needing or seeking care is being hurt
    ("Paramedics said 45 cyclists needed treatment after the pile-up.", "45 cyclists", "injured"),
    ("About 300 residents sought medical attention for smoke inhalation.", "About 300 residents", "injured"),
    # a bare figure in a state of the hurt after a count of them; being critical of something is no harm
    ("Forty climbers were hurt in the avalanche. Five are critical, a medic said.", "Five", "injured"),
    ("Sixteen sailors were burned. Four were on ventilators on Friday.", "Four", "injured"),
    ("Ninety pupils were cut by glass. Eight are on its wards tonight.", "Eight", "injured"),
    ("Nine councillors voted. Four are critical of the budget.", "Four", None),
]


@pytest.mark.parametrize(("sentence", "quantity_text", "metric"), METRIC_CLAUSES)
def test_metric_from_the_numbers_own_clause(sentence: str, quantity_text: str, metric: str | None) -> None:
    found = [c for c in claims_of(sentence) if c.quantity_text == quantity_text]
    if metric is None:  # "both" is no count: nothing to bind
        assert found == []
    else:
        assert [c.metric for c in found] == [metric]


# Field labels of a record: an aside after the cue, a label that opens with a cue and goes on, bullets in one
# sentence, and a label that names one place of treatment (a share of the hurt); a thing's label is no harm
RECORD = """The tanker blew up at the depot on Friday, the fire brigade said.

SUMMARY OF HARM
Deaths (provisional): 5
Hurt (hospital register): 18
Treated at the field post: 7
Admitted to Marsh Road Clinic: 6
Listed in the register: • Hurt (own count): 21 • Stretcher cases moved by road: 4
Clinic rooms: 12
"""
RECORD_FIELDS = [("5", "killed", False), ("18", "injured", False), ("7", "injured", False),
                 ("6", "injured", True), ("21", "injured", False), ("12", "other", False)]

# Labels whose cue comes after who is counted, after where they are, or as the head after one modifier; a
# label that opens with something else counts that thing
HEADED_RECORD = """The ferry capsized near the harbour mouth on Sunday, the coast guard said.

CASUALTY TABLE
Passengers hospitalised: 14
Crew still in hospital: 3
In critical condition: 2
Passengers deceased (confirmed): 8
Storm fatalities (season): 31
Cots in critical care: 40
Phone calls about injuries: 90
"""
HEADED_FIELDS = [("14", "injured"), ("3", "injured"), ("2", "injured"), ("8", "killed"), ("31", "killed"),
                 ("40", "other"), ("90", "other")]


@pytest.mark.parametrize(("quantity_text", "metric"), HEADED_FIELDS)
def test_labels_with_a_head_before_the_cue(quantity_text: str, metric: str) -> None:
    assert _one(HEADED_RECORD, quantity_text).metric == metric


@pytest.mark.parametrize(("quantity_text", "metric", "share"), RECORD_FIELDS)
def test_record_field_labels(quantity_text: str, metric: str, share: bool) -> None:
    found = _one(RECORD, quantity_text)
    assert (found.metric, found.is_partial) == (metric, share)


# Definite small counts with nothing happening to them point back to people already counted.
ANAPHORA = [
    "The two nominees shook hands after the debate.",
    "All four defendants appeared in court on Friday.",
    "Both senators voted against the bill.",
]


@pytest.mark.parametrize("sentence", ANAPHORA)
def test_definite_small_counts_are_references_back(sentence: str) -> None:
    assert claims_of(sentence) == []


# A definite count opening its sentence whose members are then named one by one points back at a group.
NAMED_GROUPS = [
    ("A lorry hit a tram in Brno on Friday. The three injured were a porter, a cook and a driver.",
     "The three injured", True),
    ("Avalanche debris buried a trail hut. The two missing hikers are Ana Ruiz, 9, and Leo Ruiz, 7.",
     "The two missing hikers", True),
    ("A lorry hit a tram in Brno on Friday. The three injured were taken to hospital.", "The three injured", False),
    ("A lorry hit a tram in Brno on Friday, and the three injured were a porter, a cook and a driver.",
     "the three injured", False),  # not the sentence's opening subject
]


@pytest.mark.parametrize(("body", "quantity_text", "partial"), NAMED_GROUPS)
def test_a_definite_count_named_member_by_member_is_a_reference(body: str, quantity_text: str,
                                                                  partial: bool) -> None:
    assert _one(body, quantity_text).is_partial is partial


def test_a_definite_repeat_of_a_stated_figure_is_a_reference() -> None:
    body = "The council has 41 members. Of the 41 members, 12 voted against."
    assert [c.quantity_text for c in claims_of(body)] == ["41 members", "12"]
    assert _set_aside(body)["the 41 members"] == "reference"


def test_one_of_a_group_is_a_part() -> None:
    assert _one("Only one of the hikers has died, rangers said.", "one of the hikers").is_partial


def test_generic_people_do_not_take_the_previous_sentences_event() -> None:
    body = "A gunman killed a guard at the depot.\n\nThe depot had about 40 people inside at the time."
    assert _one(body, "about 40 people").metric == "other"
    soldiers = "Ukraine captured two soldiers near Sudzha. Two more soldiers surrendered on Friday."
    assert _one(soldiers, "Two more soldiers").metric == "captured"


def test_definite_small_count_with_an_event_is_kept() -> None:
    assert _one("The two hikers were killed by the avalanche.", "The two hikers").metric == "killed"


# (sentence, quantity_text, is_partial)
PARTS = [
    ("The storm killed nine people, among them two firefighters.", "two firefighters", True),
    ("The storm killed nine people, among them two firefighters.", "nine people", False),
    ("Three girls and a boy drowned in the lake.", "Three girls", True),
    ("Three girls and a boy drowned in the lake.", "a boy", True),
    ("Eleven miners died, including three brothers.", "three brothers", True),
    ("The council's toll of 40 dead is higher as it includes the nine rescuers who died.", "the nine rescuers",
     True),
    ("The union's toll is higher as it also counts three contractors who died later.", "three contractors", True),
    ("Four others were treated at the scene.", "Four others", True),
    ("Twelve soldiers were killed and 30 wounded.", "Twelve soldiers", False),
    # one person named with "a" beside a count, whatever stands between "a" and the noun
    ("An elderly retired teacher and four pupils were hurt when the wall fell.", "four pupils", True),
    ("Police said five teenagers and a 19-year-old man were detained.", "five teenagers", True),
    ("Five teenagers were detained and a car was seized.", "Five teenagers", False),
    ("The flood killed six people and a dog, the mayor said.", "six people", False),
    # what is left of a group counted elsewhere
    ("The two remaining hostages were freed at dawn, police said.", "The two remaining hostages", True),
    ("Rescuers said four surviving crew members were taken to hospital.", "four surviving crew members", True),
    # "two of my neighbours": part of a group named by a possessive
    ("She said she lost three of her cousins in the blast.", "three of her cousins", True),
    ("A survivor said the fire killed five of my coworkers.", "five", True),
    ("An aid post set up in the square treated 40 people overnight.", "40 people", True),
    # a figure added to a count, or the step by which a count reached its figure, is a part of it
    ("The coroner added three crew members who died at sea to the tally.", "three crew members", True),
    ("The council said the toll reached 31 after four more residents died in hospital.", "four more residents",
     True),
    ("The army's count stands at 12, after two sappers died of their wounds.", "two sappers", True),
    # figures of the next sentence that add up to a stated total break it down
    ("Nine climbers died. Six died on the ridge and three died in hospital.", "Six", True),
    ("Nine climbers died. Six died on the ridge and five died in the river.", "five", False),
    # the seriously hurt, those treated where it happened, those who died at a hospital: shares of a toll
    ("Eleven guests were seriously hurt when the balcony gave way.", "Eleven guests", True),
    ("Medics said 8 people were treated and released on scene.", "8 people", True),
    ("Police said 30 people were injured at the scene of the pileup.", "30 people", False),
    ("Three miners who had been rescued died later at the regional hospital.", "Three miners", True),
    ("Seven people died overnight in a house fire.", "Seven people", False),
    # a definite figure after a larger one of its metric points back at part of that group
    ("Rescuers said 11 people died when the roof fell. The four students who died in the library were named.",
     "The four students", True),
    ("Rescuers said 11 people died when the roof fell. The 11 victims were named on Monday.", "The 11 victims",
     False),
    ("Police said 4 people died. The union says the 7 dead include two drivers.", "the 7 dead", False),
    ("Police said 11 people died. The three injured were flown to Arden.", "The three injured", False),
    # "the N dead include ...": the whole names its parts; its counted phrase stops before them
    ("The 9 wounded include two nurses.", "two nurses", True),
    ("The 9 wounded include two nurses.", "The 9 wounded", False),
    # a field with one figure states the group's size; a field listing several figures spells it out
    ("Wounded: 23 people, nine of them seriously.", "23 people", False),
    ("Dead: 4 miners, 2 rescuers and a guard.", "4 miners", True),
    # critical or on a ventilator is a state some of the hurt are in
    ("Forty climbers were hurt in the avalanche. Five are critical, a medic said.", "Five", True),
    ("Sixteen sailors were burned. Four were on ventilators on Friday.", "Four", True),
    ("Ninety pupils were cut by glass. Eight are on its wards tonight.", "Eight", True),
    # a passive verb of treatment, then the scene or one named place of treatment: that place's share
    ("A paramedic said six climbers were bandaged on the scene.", "six climbers", True),
    ("Eleven walkers were treated at the valley's mountain-rescue aid post overnight.", "Eleven walkers", True),
    ("Thirty sailors were treated in hospital after the collision.", "Thirty sailors", False),
    # a figure in a relative clause after a place of treatment counts what that place took
    ("Medics took 18 miners to the county infirmary, where five were admitted.", "five", True),
    ("Medics took 18 miners to the county infirmary, where five were admitted.", "18 miners", False),
    ("Engineers said 18 miners were hurt when the shaft flooded, where five were trapped.", "18 miners", False),
    # a figure sent to a place of treatment, then a share joined by "and": the first share of one breakdown
    ("The ferry operator said 14 passengers were taken to the regional clinic and nine were treated at the scene.",
     "14 passengers", True),
    ("The ferry operator said 14 passengers were hurt and nine were treated at the scene.", "14 passengers",
     False),
]


@pytest.mark.parametrize(("sentence", "quantity_text", "partial"), PARTS)
def test_parts_of_a_group(sentence: str, quantity_text: str, partial: bool) -> None:
    assert _one(sentence, quantity_text).is_partial is partial


# (sentence, quantity_text, event_scope)
EVENT_SCOPES = [
    ("Last month, 7 people were shot in the same neighborhood.", "7 people", "other_event"),
    ("A separate crash on the interstate injured two drivers.", "two drivers", "other_event"),
    ("Two anglers were hurt in a fall at the weir, separate from the flooding.", "Two anglers", "other_event"),
    ("So far this year, 41 people have drowned in the county.", "41 people", "other_event"),
    # a rate over a period counts many events; a span after the event ("a week after") does not make one
    ("The alpine club logs roughly 30 falls a season on the north face.", "roughly 30 falls", "other_event"),
    ("The coroner registers some 9 drownings per month from the estuary.", "some 9 drownings", "other_event"),
    ("Six climbers died a week after the avalanche warning.", "Six climbers", "main"),
    ("The 2015 landslide buried 60 homes in the valley.", "60 homes", "other_period"),
    # a clause that opens on a time before the event tells of harm in another happening
    ("A day before the derailment, a bus crash on the ring road killed 4 pupils.", "4 pupils", "other_event"),
    ("Minutes before the blast, a forklift accident injured two dockers.", "two dockers", "other_event"),
    ("Days before the hurricane, 2,000 residents were evacuated.", "2,000 residents", "main"),
    ("Two climbers died hours before the rescue team arrived.", "Two climbers", "main"),
    # a year that a "when" clause tells of
    ("The bloodiest season was 2017, when 26 climbers died.", "26 climbers", "other_period"),
    ("Rescuers recall 2018 when floods drowned 40 villagers.", "40 villagers", "other_period"),
    ("The landslide buried 60 homes on Tuesday.", "60 homes", "main"),
    # killed or hurt since a year long past: many events' running total; since Saturday: this event's
    ("Nine climbers have died on the ridge since 2018, the guides' association says.", "Nine climbers",
     "other_period"),
    ("Since June 2023, 40 people have been injured at the crossing.", "40 people", "other_period"),
    ("Since Saturday, 14 people have been treated for burns.", "14 people", "main"),
    ("The army has sent 5,000 troops to the region since 2022.", "5,000 troops", "main"),
    # a clause that opens on another happening; the same words inside a clause do not
    ("Separately, three anglers drowned when their skiff capsized off Nerth.", "three anglers", "other_event"),
    ("Elsewhere in the valley, a rockfall injured five walkers.", "five walkers", "other_event"),
    ("Also on Sunday, a tractor overturned and killed two farmhands.", "two farmhands", "other_event"),
    ("The fire service also on Sunday said nine tenants were hurt.", "nine tenants", "main"),
    # a span of years totals many events: any figure when the span closed long ago, harm when it opened then
    ("From 2012 to 2021 the river burst its banks and killed 73 villagers.", "73 villagers", "other_period"),
    ("Regulators counted 48 crane collapses in the years 2016–2023.", "48 crane collapses", "other_period"),
    ("The clinic treated 650 people for snakebites between 2019 and 2025, its director said.", "650 people",
     "other_period"),
    ("Between 2023 and 2025 the charity housed 900 families.", "900 families", "main"),
    ("The quarry blast on 2025-02-28 injured 6 workers.", "6 workers", "main"),
    # an incident set apart from the event ("not linked to", "not counted by"), or a usual period's figure
    ("Two climbers were hurt in a rockslide not linked to the storm.", "Two climbers", "other_event"),
    ("Six hikers who fell on the trail are not counted by the agency.", "Six hikers", "other_event"),
    ("During a typical season the reef sees 3 shark bites.", "3 shark bites", "other_event"),
    ("In a normal week 12 patients arrive at the unit, but 90 came on Monday.", "90", "main"),
]


# (title, body, quantity_text, event_scope): harm in a road collision beside an event of another kind is a
# separate incident's; in an article about a road event it may be the event's own
COLLISIONS_APART = [
    ("Landslide buries hamlet above Vesko", "Mud buried six houses in Vesko on Monday and 11 people died.\n\n"
     "Near the quarry, four people were hurt when a van struck a tractor, police said.", "four people", "other_event"),
    ("Landslide buries hamlet above Vesko", "Mud buried six houses in Vesko on Monday and 11 people died.\n\n"
     "Three drivers were injured in a pile-up on the valley road.", "Three drivers", "other_event"),
    ("Lorry ploughs into crowd in Vesko", "A lorry drove into a crowd in Vesko on Monday and 11 people died.\n\n"
     "Near the quarry, four people were hurt when a van struck a tractor, police said.", "four people", "main"),
    ("Landslide buries hamlet above Vesko", "Mud buried six houses in Vesko on Monday and 11 people died.\n\n"
     "Two pensioners died when mud swept their car off the bridge.", "Two pensioners", "main"),
    # a wave or a rock that crashes is no road collision, in the opening paragraph or in the figure's clause
    ("Storm surge floods Orlen seafront", "A surge crashed through the sea wall at Orlen on Monday and 9 people "
     "died.\n\nOn the coast road, six people were hurt when a minibus hit a lamp post.", "six people", "other_event"),
    ("Boulders fall on Orlen campsite", "Boulders broke loose and crashed onto tents at Orlen on Monday, killing "
     "9 people.", "9 people", "main"),
    ("Storm surge floods Orlen seafront", "A surge flooded Orlen on Monday and 9 people died.\n\nTwo people were "
     "hurt when their jeep skidded off the coast road.", "Two people", "other_event"),
]


@pytest.mark.parametrize(("title", "body", "quantity_text", "scope"), COLLISIONS_APART)
def test_a_collision_beside_an_event_of_another_kind(title: str, body: str, quantity_text: str, scope: str) -> None:
    assert _one(body, quantity_text, title=title, published="2025-03-04").event_scope == scope


@pytest.mark.parametrize(("sentence", "quantity_text", "scope"), EVENT_SCOPES)
def test_event_scope(sentence: str, quantity_text: str, scope: str) -> None:
    assert _one(sentence, quantity_text, published="2025-03-04").event_scope == scope


# (sentence, quantity_text, assertion)
ASSERTIONS = [
    ("The ministry denied that 200 prisoners had escaped.", "200 prisoners", "denied"),
    ("Reports of 15 deaths at the camp were false reports, the governor said.", "15 deaths", "denied"),
    ("An earlier figure of 18 dead was incorrect, the coroner said.", "18 dead", "corrected"),
    ("Rumors that 50 workers were trapped spread online.", "50 workers", "rumoured"),
    ("Police said 4 people were hurt.", "4 people", "asserted"),
    # nobody stands behind the figure
    ("No one has counted 40 bodies in the quarry, the mayor said.", "40 bodies", "denied"),
    ("Nobody confirmed 70 arrests, the lawyers said.", "70 arrests", "denied"),
    # what everyone says, a message someone saw
    ("We heard 30 people drowned, that is what everybody was saying.", "30 people", "rumoured"),
    ("My cousin got a message that 14 miners were trapped.", "14 miners", "rumoured"),
    # claims on social media are hearsay; a short sentence pointing back denies or corrects the one before
    ("The council knows of claims on social media that 30 tenants were evicted.", "30 tenants", "rumoured"),
    ("Leaflets said 40 guards had deserted. These claims are untrue.", "40 guards", "denied"),
    ("A caller said 16 cars were burned. That figure was wrong.", "16 cars", "corrected"),
    ("Rangers said 16 hikers were hurt. It was the worst season in years.", "16 hikers", "asserted"),
    ("Rangers said 16 hikers were hurt.\n\nIt was false, the guides said.", "16 hikers", "asserted"),
    ("The coroner raised the toll to 19 on Friday.", "19", "asserted"),
    # a correction names the wrong figure and the one it stands by
    ("Correction: this story earlier said 14 miners were trapped.", "14 miners", "corrected"),
    ("The first figure was wrong and the correct number is 9, the coroner said.", "9", "asserted"),
    ("Its estimate of 300 homes was in error and has been revised to 210.", "210", "asserted"),
    ("Its estimate of 300 homes was in error and has been revised to 210.", "300 homes", "corrected"),
    # messages and clips passed around are hearsay
    ("Police urged parents to ignore messages claiming that 12 pupils had been taken.", "12 pupils", "rumoured"),
    ("Clips on several channels claiming 40 prisoners escaped were fake, the warden said.", "40 prisoners",
     "rumoured"),
    # texts sent around are hearsay whatever their verb; the gap rule alone stops at four words
    ("Texts sent around the town overnight said that 9 guards were held.", "9 guards", "rumoured"),
    ("Texts sent around overnight suggesting 9 guards were held were false.", "9 guards", "rumoured"),
    ("Residents read tweets from the scene alleging 30 were shot.", "30", "rumoured"),
    ("The troops left three border posts, saying 12 soldiers had been wounded.", "12 soldiers", "asserted"),
    ("In a video message, the governor said 14 people had died.", "14 people", "asserted"),
    ("In a video message saying 14 people had died, the governor asked for calm.", "14 people", "asserted"),
    ("Officers say a video saying 14 people had died is fake.", "14 people", "rumoured"),
    ("Rescuers said 5 hikers who were missing were found alive.", "5 hikers", "asserted"),
    # a platform's name before the carrier; called false; a figure mistyped
    ("An Instagram post viewed 40,000 times says 35 climbers died.", "35 climbers", "rumoured"),
    ("TikTok videos claiming that 70 workers were buried are fake, the company said.", "70 workers", "rumoured"),
    ("Claims that 300 prisoners escaped are false, the warden said.", "300 prisoners", "denied"),
    ("The agency called false a report that 18 miners died.", "18 miners", "denied"),
    ("The hospital said 14 people were hurt; reports of a second blast were false.", "14 people", "asserted"),
    ("The mayor's figure of 60 was mistyped in the first bulletin.", "60", "corrected"),
    # a figure followed, after a comma, by another with a later time is the same count's earlier value
    ("The warden said the jail counted 11 escapees at midnight, 14 as of this morning.", "11 escapees",
     "corrected"),
    ("The warden said 11 inmates escaped from the east wing, 14 from the west wing.", "11 inmates", "asserted"),
    # a message or a channel is hearsay when a platform is named before it, even a long way before its verb
    ("A Viber message forwarded across the district over the weekend said 25 miners were trapped.", "25 miners",
     "rumoured"),
    ("An anti-government Telegram channel claimed 90 guards were killed.", "90 guards", "rumoured"),
    ("In a message to staff, the director said 25 miners were trapped.", "25 miners", "asserted"),
    # a carrier with modifiers between its article and its noun is still passed around
    ("A heavily edited clip circulating since Tuesday said 60 miners were buried.", "60 miners", "rumoured"),
    ("An anonymous tweet from the site claimed 23 pupils had been hurt.", "23 pupils", "rumoured"),
    ("In a widely watched video, the warden said 23 inmates had escaped.", "23 inmates", "asserted"),
    # a short note that sends the reader to a correction corrects the sentence before
    ("Fire service: 31 residents evacuated. [See correction at 08:15]", "31 residents", "corrected"),
    ("The port said 31 crew were rescued. (See the correction below.)", "31 crew", "corrected"),
    ("The port said 31 crew were rescued. See our map of the harbour.", "31 crew", "asserted"),
    # a figure its origin went on to correct; the figure it was corrected to stands
    ("A radio station briefly reported 25 hurt before correcting it to 21.", "25", "corrected"),
    ("The radio station said 25 were hurt, then corrected the figure to 21 injured.", "25", "corrected"),
    ("The radio station said 25 were hurt, then corrected the figure to 21 injured.", "21 injured", "asserted"),
    # someone counted dead who was found alive
    ("One man listed among the dead was in fact alive, the coroner said.", "One man", "corrected"),
]


@pytest.mark.parametrize(("sentence", "quantity_text", "assertion"), ASSERTIONS)
def test_assertion(sentence: str, quantity_text: str, assertion: str) -> None:
    assert _one(sentence, quantity_text).assertion == assertion


# (sentence, quantity_text, metric): zero counts
ZEROS = [
    ("Nobody was injured in the blaze.", "Nobody", "injured"),
    ("There were no fatalities, the agency said.", "no fatalities", "killed"),
    ("No civilians were hurt in the strike.", "No civilians", "injured"),
]


@pytest.mark.parametrize(("sentence", "quantity_text", "metric"), ZEROS)
def test_zero_counts(sentence: str, quantity_text: str, metric: str) -> None:
    claim = _one(sentence, quantity_text)
    assert (claim.value_low, claim.value_high, claim.metric) == (0, 0, metric)


def test_group_after_none_of_is_not_the_metric() -> None:
    group = _one("None of the 60 guests were harmed.", "the 60 guests")
    assert group.metric == "other"


# (sentence, quantity_text, low, high)
VAGUE_MULTIPLIERS = [
    ("Officials sent a couple of hundred medics to the camp.", "a couple of hundred medics", 200, 300),
    ("Several dozen families were moved to shelters.", "Several dozen families", 36, 108),
    ("A few hundred troops crossed the river.", "A few hundred troops", 200, 500),
    ("Several thousand residents lost power.", "Several thousand residents", 3000, 9000),
    ("Dozens of homes were destroyed.", "Dozens of homes", 24, 99),
]


@pytest.mark.parametrize(("sentence", "quantity_text", "low", "high"), VAGUE_MULTIPLIERS)
def test_vague_words_with_a_multiplier(sentence: str, quantity_text: str, low: float, high: float) -> None:
    claim = _one(sentence, quantity_text)
    assert (claim.value_low, claim.value_high, claim.qualifier) == (low, high, "vague")


# (text, quantity_text, expected source_text of the claim, or None for no source)
SOURCES_IN_OTHER_SHAPES = [
    # the subject before a relative clause that is the reporting clause
    ("The county coroner, who on Friday put the death toll at six, declined to comment further.", "six",
     "The county coroner"),
    ("Harbor Rail, the train's operator, whose statement on Sunday gave a toll of 7, said little else.", "7",
     "Harbor Rail"),
    # a relative clause between the subject and its verb
    ("Mayor Ana Ruiz, who toured the site, repeated that 14 families lost their homes.", "14 families",
     "Mayor Ana Ruiz"),
    # the owner of a count
    ("Nine sailors drowned, by the navy's count.", "Nine sailors", "navy"),
    ("Thirty rebels were killed in the raid, by their own commanders' tallies.", "Thirty rebels", "commanders"),
    # a colon after the subject's own figures
    ("The fire brigade released its figures: 12 firefighters injured.", "12 firefighters injured",
     "The fire brigade"),
    # the source named after the verb, ending the clause
    ("Nobody drowned, though 30 passengers, including three infants, were aboard, said the harbor master, Lin Ko.",
     "three infants", "the harbor master"),
    # a speaker behind a title in any case, after a quotation
    ("\"Nine crew members are safe,\" harbour authority spokeswoman Dr. Mina Osei said.", "Nine crew members",
     "harbour authority spokeswoman Dr. Mina Osei"),
    # a sentence whose subject is an owner's figure, stating or listing it
    ("The clinic's tally is 19, and the page now says so.", "19", "The clinic"),
    ("Last night the embassy count stood at 6.", "6", "the embassy"),
    ("The navy figure includes four divers lost near the reef.", "four", "The navy"),
    ("The storm's death toll is 31.", "31", None),  # an event owns no figure
    ("The official figure is 31.", "31", None),  # an adjective, not an owner
    # the owner of a figure it stands by or raises
    ("The rebel command stood by its claim that it had captured 40 soldiers.", "40 soldiers", "The rebel command"),
    ("The health ministry on Friday raised its death toll to 61.", "61", "The health ministry"),
    ("Crews kept digging, as the ministry raised the toll to 61 and said 12 people were missing.", "12 people",
     "the ministry"),
    # the subject of a first verb shared by the reporting verb after "and"
    ("The mayor visited the shelter and announced that 300 families would be rehoused.", "300 families",
     "The mayor"),
    # the owner of an accusation
    ("Officials rejected Kelvia's accusation that troops had killed four farmers.", "four farmers", "Kelvia"),
    # a time or place phrase before the subject, with no comma
    ("Late on Sunday the Harbour Authority said 19 crew members had been rescued.", "19 crew members",
     "the Harbour Authority"),
    ("At a packed press conference the county board confirmed that 230 homes were flooded.", "230 homes",
     "the county board"),
    # one person of a kind speaks
    ("Around 40 patients were moved to the annex, one nurse said.", "Around 40 patients", "one nurse"),
    # verbs of holding, counting, listing and describing a figure
    ("The union maintains that 300 dockers were laid off.", "300 dockers", "The union"),
    ("Our correspondent counts at least 25 police officers outside the stadium.", "at least 25 police officers",
     "Our correspondent"),
    ("The coast guard now lists 17 anglers as missing.", "17 anglers", "The coast guard"),
    ("Witnesses describe a queue of several hundred voters outside the hall.", "several hundred voters",
     "Witnesses"),
    # a source noun before a colon, in any case
    ("Regional police: 9 people have been arrested since noon.", "9 people", "Regional police"),
    # the figures of a source, with words between the possessive and the noun
    ("The army's latest tally: 14 soldiers wounded.", "14 soldiers wounded", "The army"),
    ("On the operator's figures the count stands at four dead.", "four dead", "operator"),
    ("Figures from the education department: 1,200 pupils were sent home.", "1,200 pupils",
     "the education department"),
    # an age between a name and an appositive
    ("Tomas Reyes, 58, a fisherman, said he pulled 11 swimmers from the water.", "11 swimmers", "Tomas Reyes"),
    # a comma inside a number does not split the subject
    ("Officials in Marlow, a city of about 80,000 east of the capital, said 3 people died.", "3 people",
     "Officials in Marlow"),
    # a toll set by a subject with common words in its name
    ("The provincial emergency office lowered the death toll to 31 on Friday.", "31",
     "The provincial emergency office"),
    # "and" inside one institution's name
    ("The Coastal Search and Rescue Command said 40 sailors were safe.", "40 sailors",
     "The Coastal Search and Rescue Command"),
    # a clause of its own before ", and X said" is not part of the subject
    ("Three hikers were airlifted off the ridge, and the park service said it was still searching.", "Three hikers",
     "the park service"),
    # a time stamp and a spaced hyphen before the subject of a live blog entry
    ("9:10am - The mayor's office now says 48 households are without water.", "48 households", "The mayor's office"),
    # a negated verb reports nothing
    ("The agency did not report how many of the 60 passengers were aboard.", "the 60 passengers", None),
    # a passive is no report
    ("Two of the men were later identified as gang members.", "Two of the men", None),
    # a field label before a colon is no speaker, nor is a figure's description; an organisation's role
    # and a person's name are
    ("Injured: 14 workers.", "14 workers", None),
    ("Provisional figures: 14 workers were hurt.", "14 workers", None),
    ("Harbour Board spokeswoman Ines Roca: 14 workers were hurt.", "14 workers", "Harbour Board spokeswoman Ines Roca"),
    # the owner of a figure named inside the sentence speaks for that figure, whoever reports it
    ("The union has questioned the count of 14 workers released by the mine operator.", "14 workers",
     "the mine operator"),
    ("Mayor Lund rejects the figure of 14 workers given by Harbour Police on 3 March.", "14 workers",
     "Harbour Police"),
    # a passive reporting verb has no subject; the agent after "by" is the source
    ("Losses (verified by the Mine Safety Agency)\nDead: 14 workers.", "14 workers", "the Mine Safety Agency"),
    # "added" with a count after it adds to a list: the figure added is whoever adds it
    ("The county, which added four hikers to its list of the missing, now says 14 workers died.", "14 workers",
     "The county"),
    ("The sheriff added 14 workers to the list of the injured.", "14 workers", "The sheriff"),
    # a long relative clause between the subject and its reporting verb
    ("The Mine Safety Agency, whose inspectors spent two days underground checking every gallery and shaft, "
     "said 14 workers were hurt.", "14 workers", "The Mine Safety Agency"),
    ("The county coroner, who has examined the remains recovered from the riverbank and the two collapsed "
     "barns near the ford, says 14 workers died.", "14 workers", "The county coroner"),
    ("Anya Voss was also charged with two counts of arson.", "two counts", None),
]


@pytest.mark.parametrize(("text", "quantity_text", "source"), SOURCES_IN_OTHER_SHAPES)
def test_sources_in_other_shapes(text: str, quantity_text: str, source: str | None) -> None:
    claim = _one(text, quantity_text)
    assert [s.source_text for s in claim.sources][:1] == ([source] if source else [])


def test_a_sentence_that_goes_on_counting_keeps_the_previous_source() -> None:
    body = "Rescuers said 40 people were pulled from the rubble. Another 15 people remain trapped."
    claim = _one(body, "Another 15 people") if any(c.quantity_text == "Another 15 people" for c in claims_of(body)) \
        else _one(body, "15 people")
    assert [s.source_text for s in claim.sources] == ["Rescuers"]


def test_a_headline_line_opening_the_body_takes_the_body_source() -> None:
    body = "Four Hurt in Depot Blaze\nFour workers were hurt in a depot fire, the fire department said."
    headline = next(c for c in claims_of(body) if c.sentence_idx == 0)
    assert [(s.source_text, s.scope) for s in headline.sources] == [("the fire department", "body")]


def test_a_first_line_that_is_a_sentence_is_no_headline() -> None:
    body = "Four workers were hurt in a depot fire on Monday.\nThe fire department said the blaze began at 6 a.m."
    first = next(c for c in claims_of(body) if c.sentence_idx == 0)
    assert first.sources == []


def test_an_age_before_a_verb_is_set_aside() -> None:
    assert _set_aside("Marta Diaz, 44 was convicted of the killing of a courier.").get("44") == "age"


@pytest.mark.parametrize(("sentence", "quantity_text", "metric"), [
    ("By Tuesday, 23 had died in the floods.", "23", "killed"),
    ("In Tenkir, 14 had been injured by Sunday.", "14", "injured"),
])
def test_a_count_after_a_date_or_place_and_a_comma_is_no_age(sentence: str, quantity_text: str, metric: str) -> None:
    assert _one(sentence, quantity_text).metric == metric


def test_a_long_run_of_time_words_after_a_relative_pronoun_reads_in_bounded_time() -> None:
    import subprocess
    import sys

    text = "The agency, which " + "earlier " * 60 + "- and quietly - said 5 people died."
    code = f"from tests.helpers import claims_of; claims_of({text!r})"
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)  # exponential backtracking never ends


def test_a_familys_size_is_not_the_toll() -> None:
    assert [c.metric for c in claims_of("A father of 7 killed in the crossfire was buried today.")
            if c.quantity_text == "7"] in ([], ["other"])
    assert _one("The parents of two medics killed in the raid spoke on Monday.", "two medics").metric == "killed"


def test_a_plural_figure_after_a_place_is_still_a_count() -> None:
    assert _one("In Kessin, 12 were killed overnight.", "12").metric == "killed"


def test_an_age_after_a_name_in_a_list_of_the_dead_is_no_claim() -> None:
    ages = [c for c in claims_of("The dead: Ana Ruiz, 71, and Tom Baker, 64.") if c.quantity_text in ("71", "64")]
    assert [(c.kind, c.metric) for c in ages if c.kind == "count" or c.metric != "other"] == []


@pytest.mark.parametrize(("sentence", "number"), [
    ("The poll surveyed 900 likely voters between May 2 and May 6.", "900"),
    ("Among the 400 parents questioned, most backed the plan.", "400"),
    ("A survey of 1,500 nurses has a margin of error of 3 points.", "1,500"),
])
def test_a_poll_sample_is_set_aside(sentence: str, number: str) -> None:
    assert _set_aside(sentence).get(number) == "sample"
    assert not [c for c in claims_of(sentence) if c.quantity_text.startswith(number)]


@pytest.mark.parametrize(("sentence", "quantity_text"), [
    ("The guard scored 21 points in the win.", "21 points"),
    ("She finished with 11 rebounds and 7 assists.", "11 rebounds"),
])
def test_a_players_tally_is_a_count_not_a_share(sentence: str, quantity_text: str) -> None:
    assert _one(sentence, quantity_text).kind == "count"


def test_points_in_a_poll_stay_a_share() -> None:
    assert _one("The mayor leads her rival by 6 points.", "6 points").kind == "percent"


@pytest.mark.parametrize(("sentence", "quantity_text"), [
    ("The three biggest lenders raised rates.", "three biggest lenders"),
    ("She sank a 3-point shot at the buzzer.", "3"),
    ("The college rose into the AP Top 25 this week.", "25"),
    ("The blockade could cost tens of millions of euros in lost trade.", "tens of millions"),
    ("The council has three options for the bridge.", "three options"),
    ("There are two reasons the plan stalled.", "two reasons"),
    ("The bottom 20 percent saw no gain.", "20 percent"),
])
def test_enumerations_and_group_names_are_not_counts(sentence: str, quantity_text: str) -> None:
    assert [c.kind for c in claims_of(sentence) if c.quantity_text == quantity_text] in ([], ["other"])


def test_a_pronoun_subject_inside_a_relative_clause_speaks_for_its_antecedent() -> None:
    body = ("The council said on Monday that the clean-up had begun. Of the 90 families it says were evacuated, "
            "30 have returned home.")
    assert [s.source_text for s in _one(body, "the 90 families").sources] == ["The council"]


def test_a_sentence_naming_the_source_of_the_figure_before_it_attributes_that_figure() -> None:
    body = ("By dawn the number of bodies recovered had reached 23.\n\nThat tally, published by the provincial "
            "coroner's office, has not changed since.")
    assert [s.source_text for s in _one(body, "23").sources] == ["the provincial coroner's office"]
    assert _one(body, "23").sources[0].scope == "next_sentence"
    # a following sentence about some other figure names no source for this one
    unrelated = "By dawn the number of bodies recovered had reached 23.\n\nThe coroner said the road was closed."
    assert _one(unrelated, "23").sources == []


def test_bulleted_items_take_the_source_of_the_line_that_introduces_them() -> None:
    body = ("Key figures, according to the relief agency:\n\n- 4,000 tents delivered\n\n"
            "- 18 field kitchens running\n\nCrews also cleared 12 roads.")
    assert [s.scope for s in _one(body, "18 field kitchens").sources] == ["list_lead_in"]
    assert _one(body, "12 roads").sources == []  # the list has ended
    no_colon = "Key figures, according to the relief agency.\n\n- 4,000 tents delivered"
    assert _one(no_colon, "4,000 tents").sources == []


def test_a_count_of_people_after_according_to_is_who_speaks() -> None:
    body = "The east gate was left open for an hour, according to three guards who asked not to be named."
    assert [c.quantity_text for c in claims_of(body)] == []
    # a count of people that is what the source gives stays a claim
    kept = "Three guards were hurt at the east gate, according to the prison service."
    assert [c.quantity_text for c in claims_of(kept)] == ["Three guards"]


def test_a_company_labelling_a_list_line_gives_its_figure() -> None:
    body = ("The funerals are on Friday.\n\nThe injured\n• The company: 18 injured, five of them contractors.\n"
            "• Dorne County Hospital: 22 injured.")
    assert [s.source_text for s in _one(body, "18 injured").sources] == ["The company"]
    assert [s.source_text for s in _one(body, "22 injured").sources] == ["Dorne County Hospital"]


@pytest.mark.parametrize(("body", "quantity_text", "assertion"), [
    # a question the next sentence answers with a denial: its figure is denied, not asserted
    ("The plant reopened.\n\nIs it true that 30 welders were burned?\nNo. That rumour came from an anonymous "
     "account.", "30 welders", "denied"),
    ("I heard 70 people were hurt – is that right?\nNo, the figure was posted by a councillor.", "70 people",
     "denied"),
    # "No one ..." is no answer word; a "Yes" confirms
    ("Were 30 welders burned?\nNo one knows yet.", "30 welders", "asserted"),
    ("Were 30 welders burned?\n\nYes. The hospital confirmed it.", "30 welders", "asserted"),
    # the answer on the next line after a list mark, the two lines one sentence
    ("Any truth in the post saying 40 miners drowned?\n- Untrue, say the mine's owners; it came from a bot.",
     "40 miners", "denied"),
    ("Were 40 miners rescued?\n- Yes, say the mine's owners, all of them by noon.", "40 miners", "asserted"),
    # a turn in a transcript, the speaker's label before a short denial
    ("The wardens met at dusk.\n\nA text going round the village says 90 villagers drowned. Okafor: \"That is "
     "untrue.\" The wardens left.", "90 villagers", "denied"),
])
def test_a_question_answered_no_denies_its_figure(body: str, quantity_text: str, assertion: str) -> None:
    assert _one(body, quantity_text).assertion == assertion


@pytest.mark.parametrize(("body", "quantity_text", "sources"), [
    # "X spoke of N ...": X gives the figure; "X spoke to N ..." reports nothing
    ("In its first bulletin, the Kestrel Bay coast guard spoke of nine sailors lost at sea.", "nine sailors",
     ["the Kestrel Bay coast guard"]),
    ("The mayor spoke to 300 residents in the school hall.", "300 residents", []),
])
def test_spoke_of_reports_a_figure(body: str, quantity_text: str, sources: list[str]) -> None:
    assert [s.source_text for s in _one(body, quantity_text).sources] == sources


@pytest.mark.parametrize(("body", "quantity_text", "speaker"), [
    # after a quotation, the speaker's role set off by commas: "Name, head of X, said", "the X's role, Name, said"
    ('"Eight crew are missing. We have boats out," Ivo Lenz, chief of the port rescue unit, told reporters.',
     "Eight crew", "Ivo Lenz"),
    ('"We treated 17 and sent them home. Most had cuts," the clinic\'s head nurse, Ana Pereira, said.',
     "17", "the clinic's head nurse"),
])
def test_a_quotations_speaker_with_a_role_set_off_by_commas(body: str, quantity_text: str, speaker: str) -> None:
    assert [s.source_text for s in _one(body, quantity_text).sources] == [speaker]


@pytest.mark.parametrize(("body", "quantity_text", "sources"), [
    # a list line's mark, then a time phrase, then the subject of the speech verb
    ("Is the lake safe?\n• Last month police recorded 12 deaths on the ice.", "12 deaths", ["police"]),
    ("Is the lake safe?\n• On Friday coastguards said 12 swimmers drowned.", "12 swimmers", ["coastguards"]),
])
def test_a_list_lines_mark_is_not_part_of_the_lead_in(body: str, quantity_text: str, sources: list[str]) -> None:
    assert [s.source_text for s in _one(body, quantity_text).sources] == sources


@pytest.mark.parametrize(("body", "quantity_text", "sources"), [
    # a short sentence that opens in another year tells of another time: the speaker before does not go on
    ("Marsh said nine walkers were hurt. In 2017, five people died at the same bend.", "five people", []),
    ("Marsh said nine walkers were hurt. Back in 1996 five people died at the same bend.", "five people", []),
    # without a year it goes on with the same account
    ("Marsh said nine walkers were hurt. Five people died at the same bend.", "Five people", ["Marsh"]),
])
def test_a_short_follow_up_in_another_year_is_not_the_same_account(body: str, quantity_text: str,
                                                                   sources: list[str]) -> None:
    assert [s.source_text for s in _one(body, quantity_text).sources] == sources


@pytest.mark.parametrize(("body", "quantity_text", "sources"), [
    # a sentence that opens with "Its"/"Their" after an attributed one goes on with that source's account
    ("Mountain wardens brought 60 walkers down from the ridge overnight, the Alpine Rescue Corps said. Its medics "
     "treated 19 climbers for frostbite at the base station before sending them home.", "19 climbers",
     ["the Alpine Rescue Corps"]),
    # a long sentence that opens otherwise does not
    ("Mountain wardens brought 60 walkers down from the ridge overnight, the Alpine Rescue Corps said. Village "
     "doctors treated 19 climbers for frostbite at the base station before sending them home.", "19 climbers", []),
])
def test_a_sentence_opening_with_its_goes_on_with_the_previous_source(body: str, quantity_text: str,
                                                                      sources: list[str]) -> None:
    assert [s.source_text for s in _one(body, quantity_text).sources] == sources


def test_a_count_of_of_those_goes_on_with_the_previous_speaker() -> None:
    body = ("Of the 35 injured, 20 went to the county hospital, director Lena Ruiz said. Eight of those are in "
            "intensive care.")
    assert [s.source_text for s in _one(body, "Eight").sources] == ["director Lena Ruiz"]


@pytest.mark.parametrize(("sentence", "quantity_text", "scope"), [
    ("Nadia Osei, 41, fled the flood with her four sons.", "four sons", "personal"),
    ("He and his two brothers carried water to the shelter.", "two brothers", "personal"),
    ("Four sons of the village chief were among the dead.", "Four sons", "main"),
    ("Their four trucks were swept away.", "four trucks", "main"),
])
def test_someones_own_family_is_a_personal_count(sentence: str, quantity_text: str, scope: str) -> None:
    assert _one(sentence, quantity_text).event_scope == scope


def test_a_month_and_day_with_a_slash_is_no_share() -> None:
    assert [c.kind for c in claims_of("Memorials were held on 3/11 in the capital.")] in ([], ["other"])
    assert _one("Only 1/40 of the budget was spent.", "1/40").kind == "percent"


def test_money_counted_with_a_noun_is_money() -> None:
    assert _one("The blaze caused millions of dollars in damage.", "millions of dollars").kind == "money"


# Counts the unsourced check does not look at: an analyst could not act on the flag.
NOT_SOURCING_CHECKED = [
    ("A ferry worker was killed when the ramp collapsed.", "A ferry worker"),  # a lone indefinite article
    ("Two pickers and a 58-year-old driver were hurt when the truck tipped.", "a"),  # an article before an age
    ("Several hikers were hurt on the ridge.", "Several hikers"),  # a small vague word
    ("The injured, two nurses and a porter, were treated on site.", "two nurses"),  # spells out a group
    ("The two other passengers were injured.", "The two other passengers"),  # a definite part
    ("Her three daughters were asleep upstairs.", "three daughters"),  # someone's own family
]


@pytest.mark.parametrize(("sentence", "quantity_text"), NOT_SOURCING_CHECKED)
def test_counts_the_unsourced_check_skips(sentence: str, quantity_text: str) -> None:
    assert _sourcing_checked(sentence, quantity_text) is False


def test_a_plain_unsourced_count_is_checked() -> None:
    assert _sourcing_checked("Eleven hikers were hurt on the ridge.", "Eleven hikers") is True


@pytest.mark.parametrize(("body", "quantity_text", "checked", "title"), [
    # a definite count of people repeating a figure the article already gave names that group again
    ("Twenty-three workers died in the flood on Sunday.\n\nRescuers reached the 23 trapped miners on Monday.",
     "the 23 trapped miners", False, ""),
    ("Rescuers reached the 23 trapped miners on Monday.", "the 23 trapped miners", False,
     "Flood kills 23 workers"),  # the title gave it
    # a new figure, or one no earlier count gave, is still checked
    ("Twenty-three workers died in the flood on Sunday.\n\nRescuers reached the 31 trapped miners on Monday.",
     "the 31 trapped miners", True, ""),
    ("Rescuers reached the 23 trapped miners on Monday.", "the 23 trapped miners", True, ""),
])
def test_a_definite_repeat_of_an_earlier_count_is_not_checked(body: str, quantity_text: str, checked: bool,
                                                              title: str) -> None:
    assert _sourcing_checked(body, quantity_text, title=title) is checked


def _sourcing_checked(sentence: str, quantity_text: str, title: str = "") -> bool:
    con = warehouse.connect(":memory:")
    doc = article(sentence, title=title)
    warehouse.store_documents(con, [doc], to_frames([extract_article(doc)]), "r1")
    rows = con.execute("select is_checked from v_claim_sourcing where quantity_text = ?", [quantity_text]).fetchall()
    con.close()
    assert len(rows) == 1, rows
    return bool(rows[0][0])


@pytest.mark.parametrize(("sentence", "quantity_text", "partial"), [
    ("Mercy General Hospital said it had admitted 35 injured people.", "35 injured people", True),
    ("Thirty-five people were injured, the hospital said.", "Thirty-five people", False),
    ("Three workers remain hospitalized after the blast.", "Three workers", True),
    ("Three workers were hospitalized after the blast.", "Three workers", False),
    # how many are in hospital now: a present-tense state, not an admission
    ("Of the hurt climbers, four are in hospital in Brixen.", "four", True),
    ("A coach overturned on the pass; 14 passengers were hurt. Six are hospitalised in Tarvo.", "Six", True),
    ("Eight pupils were hurt and taken to hospital.", "Eight pupils", False),
    # a state some of the injured are in
    ("Doctors said nine of them were in critical condition.", "nine", True),
    ("Two passengers were in a stable condition on Sunday night.", "Two passengers", True),
    ("Eleven children are in intensive care at the regional hospital.", "Eleven children", True),
    ("Eleven children were injured and the hospital was in a serious condition.", "Eleven children", False),
    # a count located at one treatment place
    ("Staff counted 18 injured miners at the trauma center, a nurse said.", "18 injured miners", True),
    ("Reporters saw 30 wounded people in the clinic alone.", "30 wounded people", True),
    ("There were 30 wounded people in the clinic bombing.", "30 wounded people", False),
    ("Medics logged 44 injured people at the stadium and at the hospitals.", "44 injured people", False),
    # the step a count went up by
    # figures of the sentences after a total, one per sentence, that add up to it: its breakdown
    ("Medics said 15 climbers were hurt. Nine were flown to the valley clinic. Six were treated at the hut.",
     "Six", True),
    ("Medics said 15 climbers were hurt. Nine were flown to the valley clinic. Five were treated at the hut.",
     "Five", False),
    # a figure marked as added to a count: the step, a part
    ("An audit found one additional casualty who was treated on the pitch.", "one additional casualty", True),
    ("Searchers pulled three further bodies from the lake.", "three further bodies", True),
    ("The toll at the mine rose to 12 after two miners died overnight.", "two miners", True),
    ("The toll at the mine rose to 12 after two miners died overnight.", "12", False),
    ("After two miners died overnight, the union called a strike.", "two miners", False),
    ("The coroner raised the toll to 9 after two climbers hurt in the fall died.", "two", True),
    # those who came in over a period: the step a hospital's count grew by
    ("Two climbers were admitted overnight with frostbite, the clinic said.", "Two climbers", True),
    ("Five hurt pupils were brought in during the night, a nurse said.", "Five hurt pupils", True),
    ("Four miners were admitted to the burns ward in the past 24 hours.", "Four miners", True),
    ("Four miners were admitted to the burns ward after the blast.", "Four miners", False),
    ("Two climbers were injured overnight on the ridge.", "Two climbers", False),
    # a team's share at a makeshift place of treatment
    ("Scout leaders bandaged 12 injured walkers at a village school overnight.", "12 injured walkers", True),
    ("Red Cross medics treated eight people in the parish hall after the blast.", "eight people", True),
    ("Red Cross medics treated eight people after the blast.", "eight people", False),
    ("Eight people were hurt in the parish hall after the blast.", "Eight people", False),
    # one place's share: "in ... alone"
    ("In the harbour district alone, 23 people drowned.", "23 people", True),
    ("Some 60 homes flooded in Lintow alone, the council said.", "Some 60 homes", True),
    ("The quake killed 23 people, the ministry said on its own.", "23 people", False),
])
def test_one_facility_or_those_still_hurt_are_parts(sentence: str, quantity_text: str, partial: bool) -> None:
    assert _one(sentence, quantity_text).is_partial is partial


@pytest.mark.parametrize(("subject", "actor"), [
    ("Kelvish sailors", "Kelvish"), ("Chinese workers", "Chinese"), ("Kraft employees", None), ("sailors", None),
    ("Civilian casualties", None), ("Human rights workers", None),
])
def test_a_demonym_in_front_of_the_noun_is_the_actor(subject: str, actor: str | None) -> None:
    assert actor_of(subject, "") == actor


@pytest.mark.parametrize(("sentence", "casualties", "killed", "injured"), [
    ("Seven hikers were hit by falling rock, two fatally.", 7, 2, 5),
    ("Deputies said nine people were shot at the fair, three of them fatally.", 9, 3, 6),
])
def test_injured_derived_from_those_hit_and_those_who_died(sentence: str, casualties: int, killed: int,
                                                           injured: int) -> None:
    found = {(c.metric, c.value_source): c.value_low for c in claims_of(sentence)}
    assert found[("casualties", "text")] == casualties
    assert found[("killed", "text")] == killed
    assert found[("injured", "derived")] == injured


def test_no_injured_is_derived_without_a_death_among_them() -> None:
    found = claims_of("Five people were shot and one man was arrested.")
    assert [c for c in found if c.value_source == "derived"] == []


def test_a_derived_figure_has_its_own_id_and_is_not_sourcing_checked() -> None:
    doc = article("Six people were shot, one fatally, near the pier.")
    frames = to_frames([extract_article(doc)])
    ids = frames["claims"]["claim_id"].to_list()
    assert len(ids) == len(set(ids)) == 3
    con = warehouse.connect(":memory:")
    warehouse.store_documents(con, [doc], frames, "r1")
    checked = con.execute("select c.metric, c.value_source, s.is_checked from claims as c join v_claim_sourcing "
                          "as s using (claim_id) where c.quantity_text = 'Six people' order by c.metric").fetchall()
    con.close()
    assert checked == [("casualties", "text", True), ("injured", "derived", False)]


def test_a_short_plain_sentence_goes_on_with_the_previous_account() -> None:
    body = "The agency said 30 homes were destroyed. Nine people are missing."
    assert [x.source_text for x in _one(body, "Nine people").sources] == ["The agency"]
    longer = ("The agency said 30 homes were destroyed. In the next valley, nine people were still missing "
              "after the landslide hit their hamlet overnight.")
    assert _one(longer, "nine people").sources == []


@pytest.mark.parametrize(("sentence", "quantity_text", "scope"), [
    ("In March 2019, a landslide on the same slope killed 11 hikers.", "11 hikers", "other_period"),
    ("Residents still remember the 2018 floods, which killed 40 people.", "40 people", "other_period"),
    ("In August, two sailors drowned off the cape.", "two sailors", "other_period"),
    ("Rescuers said 12 people were hurt in November.", "12 people", "main"),
])
def test_a_clause_set_in_an_earlier_time_is_another_period(sentence: str, quantity_text: str, scope: str) -> None:
    assert _one(sentence, quantity_text, published="2025-11-20").event_scope == scope


def test_ages_right_after_a_counted_group_are_set_aside() -> None:
    assert _set_aside("The injured, three women, 41 and 52 and 60, were treated.").get("41") == "age"
    assert _set_aside("Two boys, 9 and 12, were rescued.") == {"9": "age", "12": "age"}
    assert [c.quantity_text for c in claims_of("In the raids, 12 and 15 people died.")] == ["12", "15 people"]


def test_zero_of_a_group_counts_that_group() -> None:
    assert _one("No children were hurt in the blaze.", "No children").unit == "child"


def test_bodies_recovered_are_a_part_of_the_toll() -> None:
    assert _one("Divers recovered four bodies from the wreck on Tuesday.", "four bodies").is_partial is True
    # a count of bodies is always of remains found, held or handed over somewhere, never the toll itself
    assert _one("Four bodies lay in the morgue.", "Four bodies").is_partial is True
    assert _one("Volunteers helped recover the bodies of 4 climbers.", "4 climbers").is_partial is True
    assert _one("Thirty people died in the avalanche.", "Thirty people").is_partial is False


def test_posts_on_social_media_are_rumours_and_a_life_lost_is_a_death() -> None:
    assert _one("Posts on social media claimed 30 people had drowned.", "30 people").assertion == "rumoured"
    assert [c.metric for c in claims_of("One diver lost her life in the search.")] == ["killed"]


@pytest.mark.parametrize(("sentence", "quantity_text", "partial"), [
    ("Nine climbers were hurt, three in serious condition.", "three", True),
    ("Nine climbers were hurt, and three were killed.", "three", False),
    ("Rescuers said a girl and a woman were killed in the slide.", "a woman", True),
    ("St. Bride's Hospital said on Monday that it had received nine injured miners.", "nine injured miners", True),
])
def test_breakdowns_enumerations_and_one_facility_are_parts(sentence: str, quantity_text: str, partial: bool) -> None:
    assert _one(sentence, quantity_text).is_partial is partial


def test_a_destination_belongs_to_its_own_verb() -> None:
    sentence = "Medics examined 30 runners at the finish and took 4 to a hospital."
    assert {c.quantity_text: c.metric for c in claims_of(sentence)} == {"30 runners": "other", "4": "injured"}


def test_withdrawn_tolls_and_posts_claiming_are_not_asserted() -> None:
    assert _one("Two people, not three, died, the chief said, withdrawing his earlier toll.", "Two people"
                ).assertion == "corrected"
    assert _one("Some posts claiming 40 people had drowned were shared widely.", "40 people").assertion == "rumoured"


def test_a_number_in_a_long_sentence_is_read_from_a_bounded_window() -> None:
    from claimledger.extraction.extract import _CONTEXT_TOKENS, _context
    from claimledger.extraction.quantities import find_quantities
    from claimledger.extraction.text import sentences, tokens

    text = "Counts: " + ", ".join(f"{i} people" for i in range(1, 2001)) + "."
    (sent,) = sentences(text)
    toks = tokens(sent.text, sent.start)
    quantities, _ = find_quantities(text, toks, [])
    q = quantities[1000]
    window_sent, window, moved = _context(text, sent, toks, q)
    assert len(window) <= 2 * _CONTEXT_TOKENS + (q.last_token - q.first_token) + 1
    assert window[moved.first_token].start == q.start  # the quantity's tokens line up in the window
    assert text[window_sent.start:window_sent.end] == window_sent.text


@pytest.mark.parametrize(("body", "value"), [
    ("Officials said １２，０００ people fled the coast.", 12000),      # full-width digits and comma
    ("Officials said 12\u00a0000 people fled the coast.", 12000),       # no-break space between groups
    ("Officials said 12\u2009000 people fled the coast.", 12000),       # thin space between groups
    ("Officials said 1\u200b200 people fled the coast.", 1200),         # zero-width space inside a number
    ("Officials said ١٢ people fled the coast.", 12),                  # Arabic-Indic digits
])
def test_unicode_digits_and_separators_read_as_one_number(body: str, value: int) -> None:
    (claim,) = claims_of(body)
    assert claim.value_low == value
    assert body[claim.char_start:claim.char_end] == claim.quantity_text  # offsets slice the stored text


@pytest.mark.parametrize(("sentence", "quantity_text", "metric"), [
    # a cue that takes its noun after "of" says nothing of the counted phrase before it
    ("Six miners were still trapped under the remains of the shaft.", "Six miners", "other"),
    ("Eleven hikers are still missing near the remains of the hut.", "Eleven hikers", "missing"),
    ("Crews found the remains of 12 people in the cellar.", "12 people", "killed"),
    # an adverb between the auxiliary and the cue keeps the cue the predicate
    ("Four crew members were still unaccounted for after the storm killed the captain.", "Four crew members",
     "missing"),
])
def test_the_clause_after_a_count_gives_its_metric(sentence: str, quantity_text: str, metric: str) -> None:
    assert _one(sentence, quantity_text).metric == metric


@pytest.mark.parametrize(("sentence", "quantity_text", "place"), [
    ("In the southern city of Varna, police held 41 people.", "41 people", "Varna"),
    ("Water rose fastest in the fishing village of Ostrel, where 9 people drowned.", "9 people", "Ostrel"),
])
def test_a_settlement_named_after_of_is_the_place(sentence: str, quantity_text: str, place: str) -> None:
    assert _one(sentence, quantity_text).location == place


@pytest.mark.parametrize(("body", "quantity_text", "partial"), [
    ("The governor ordered a further 250 police officers to the port.", "250 police officers", True),
    ("The army sent an extra 90 soldiers to the border.", "90 soldiers", True),
    ("The army sent 90 soldiers to the border.", "90 soldiers", False),
    # the items of a bulleted list introduced as a subset of a group
    ("The people held overnight included, police said:\n\n- 14 students\n\n- 3 reporters", "3 reporters", True),
    ("Police gave these figures:\n\n- 14 students arrested\n\n- 3 reporters arrested", "3 reporters", False),
])
def test_added_figures_and_listed_subsets_are_parts(body: str, quantity_text: str, partial: bool) -> None:
    assert _one(body, quantity_text).is_partial is partial


def test_a_colon_line_introduces_what_follows_it_and_names_no_source_for_what_precedes_it() -> None:
    body = "Nine sailors were rescued at dawn.\n\nThese figures, according to the navy:\n\n- 4 boats lost"
    assert _one(body, "Nine sailors").sources == []


@pytest.mark.parametrize(("sentence", "quantity_text", "metric"), [
    # treatment and hospital stays say the people were hurt
    ("The clinic treated 14 people for smoke inhalation.", "14 people", "injured"),
    ("Nine walkers are still in hospital.", "Nine walkers", "injured"),
    ("Field medics were caring for 23 patients.", "23 patients", "injured"),
    ("3 men were treated as suspects.", "3 men", "other"),
    # rites for the dead
    ("Funerals for six miners will be held on Friday.", "six miners", "killed"),
    # the earlier figure after ", from" is the same count
    ("The agency revised the toll to nine, from seven.", "seven", "killed"),
    # a cue before the speaker's verb belongs to the speaker's clause
    ("The charity that sheltered the refugees said 30 people had drowned.", "30 people", "killed"),
    # a subset named with "including" is counted like its group
    ("Eleven villagers were killed, including four women.", "four women", "killed"),
])
def test_metric_from_treatment_rites_earlier_figures_and_subsets(sentence: str, quantity_text: str,
                                                                 metric: str) -> None:
    assert _one(sentence, quantity_text).metric == metric


@pytest.mark.parametrize(("sentence", "quantity_text", "partial"), [
    # a treatment place's own intake is its share; a figure it only reports is not
    ("The clinic that took in the wounded said 12 people died.", "12 people", False),
    ("The clinic took in 12 injured people overnight.", "12 injured people", True),
])
def test_a_facility_share_is_the_object_of_its_verb(sentence: str, quantity_text: str, partial: bool) -> None:
    assert _one(sentence, quantity_text).is_partial is partial


def test_a_relative_clause_with_no_subject_of_its_own_leaves_the_speaker_before_it() -> None:
    claim = _one("The agency that counted the ballots said 400 voters were turned away.", "400 voters")
    assert [s.source_text for s in claim.sources] == ["The agency"]


@pytest.mark.parametrize(("speaker", "origin"), [
    ("Rena Holt of the Valley Water Board", "Valley Water Board"),
    ("a spokesman for the Harbour Authority", "Harbour Authority"),
    ("Transport Ministry spokeswoman Ada Lenz", "Transport Ministry"),
    ("the union's press officer", "union"),
    # people who do not speak for what follows "of"
    ("residents of Port Wend", "residents of Port Wend"),
    ("Officials in Tarn", "Officials in Tarn"),
])
def test_a_person_speaking_for_an_organisation_is_that_organisation(speaker: str, origin: str) -> None:
    assert canonical(speaker) == origin


@pytest.mark.parametrize(("sentence", "quantity_text", "partial"), [
    # bodies handed over, found or buried are finds, a part of the toll
    ("The morgue released four bodies to relatives on Monday.", "four bodies", True),
    ("Divers found two bodies near the pier.", "two bodies", True),
    # people in shelters are a part of those displaced; a count of the displaced is the whole
    ("About 900 people slept in the town's two shelters.", "About 900 people", True),
    ("About 900 people fled their homes and slept in shelters.", "About 900 people", False),
])
def test_finds_and_shelter_counts_are_parts(sentence: str, quantity_text: str, partial: bool) -> None:
    assert _one(sentence, quantity_text).is_partial is partial


@pytest.mark.parametrize(("body", "quantity_text", "source"), [
    # a source in brackets right after its figure, and only for that figure
    ("Estimates range from 40 (the coast guard) to 65 (Harbour Watch).", "40", "the coast guard"),
    ("Estimates range from 40 (the coast guard) to 65 (Harbour Watch).", "65", "Harbour Watch"),
    ("About 40 villagers (est.) fled.", "About 40 villagers", None),
    # a subject that goes on setting the toll
    ("The county coroner continues to put the toll at 19.", "19", "The county coroner"),
    # "agree" reports only with "that"
    ("Both agencies agree that 44 climbers were hurt.", "44 climbers", "agencies"),
    ("The three candidates agreed on a plan after 125 people died.", "125 people", None),
    # the entry line of a live blog after its time stamp
    ("Update 7:05 p.m.\nHarbour police: 12 dead.", "12 dead", "Harbour police"),
    # each clause of a sentence split by a semicolon keeps its own source
    ("The army says 14 villagers died; the council says 27 were killed.", "14 villagers", "The army"),
    ("The army says 14 villagers died; the council says 27 were killed.", "27", "the council"),
    ("Police said 3 villagers died; 5 were hurt.", "5", "Police"),
])
def test_sources_in_brackets_clauses_and_live_blog_lines(body: str, quantity_text: str, source: str | None) -> None:
    assert [s.source_text for s in _one(body, quantity_text).sources][:1] == ([source] if source else [])


def test_a_press_release_states_its_issuers_own_figures() -> None:
    from claimledger.model import Article

    body = ("PRESS RELEASE - FOR IMMEDIATE RELEASE\n\nAcross the district, 212 families are still without "
            "shelter.\n\nThe county said 40 roads were closed.\n\nMedia contact: press@example.org")
    doc = Article(doc_id="r1", external_id="r1", source_path="r1.txt", title="", subtitle="", body=body,
                  outlet="Valley Relief Network")
    claims = {c.quantity_text: c for c in extract_article(doc).claims}
    assert [(s.source_text, s.scope) for s in claims["212 families"].sources] == [("Valley Relief Network", "issuer")]
    assert [s.source_text for s in claims["40 roads"].sources] == ["The county"]  # a named source stays
    news = Article(doc_id="n1", external_id="n1", source_path="n1.txt", title="", subtitle="",
                   body="Across the district, 212 families are still without shelter.", outlet="Valley Times")
    assert extract_article(news).claims[0].sources == []


def test_a_quotation_after_a_statement_line_is_its_speakers() -> None:
    body = ('Statement from Fire Chief Ola Berg after the blaze on Dock Road:\n\n"Two firefighters were hurt '
            'tonight.\n\n"Nine residents were taken to hospital."')
    assert [s.source_text for s in _one(body, "Nine residents").sources] == ["Fire Chief Ola Berg"]


@pytest.mark.parametrize(("sentence", "quantity_text", "metric"), [
    # a singular noun before the head modifies it: the count is of tolls, members, not of deaths
    ("The city now has two death tolls.", "two death tolls", "other"),
    ("Two official bodies gave their figures.", "Two official bodies", "other"),
    ("Five family members were killed.", "Five family members", "killed"),
    ("Divers found two bodies.", "two bodies", "killed"),
])
def test_counts_of_accounts_and_institutions_have_no_metric(sentence: str, quantity_text: str, metric: str) -> None:
    assert _one(sentence, quantity_text).metric == metric


def test_sources_differing_only_in_case_are_one_origin() -> None:
    from claimledger.extraction.keys import origin_of

    assert origin_of(canonical("the coast guard")) == origin_of(canonical("Coast guard"))


@pytest.mark.parametrize(("body", "quantity_text", "source"), [
    # a name and its report before a colon, after a live blog's time stamp
    ("2:10 PM - Harbour Police update: the toll rises to 6.", "6", "Harbour Police"),
    ("Coast Guard statement: 14 sailors rescued.", "14 sailors", "Coast Guard"),
    # a sentence that says how the figure before it came about names its source
    ("Five climbers have died. A guide died in hospital overnight, raising the toll, the park service said.",
     "Five climbers", "the park service"),
])
def test_sources_in_report_labels_and_explanations(body: str, quantity_text: str, source: str) -> None:
    assert [s.source_text for s in _one(body, quantity_text).sources][:1] == [source]


@pytest.mark.parametrize(("title", "body"), [
    ("Press statement on the quarry blast", "Eleven workers are still missing."),
    ("Quarry blast", "MEDIA STATEMENT\n\nEleven workers are still missing."),
    ("Quarry blast", "Eleven workers are still missing.\n\nPress enquiries: office@example.org"),
    # a release's closing conventions and its title "Statement of ..."
    ("Quarry blast", "Eleven workers are still missing.\n\n-30-"),
    ("Quarry blast", "Eleven workers are still missing.\n\nENDS\n\nThe union was founded in 1921."),
    ("Quarry blast", "Eleven workers are still missing.\n\nNotes to editors: the union has 4,000 members."),
    ("Quarry blast", "Eleven workers are still missing.\n\nPress service: +1 555 0100"),
    ("Statement of the regional union council on the blast at Pit 3", "Eleven workers are still missing."),
])
def test_press_notes_and_statements_are_their_issuers(title: str, body: str) -> None:
    from claimledger.model import Article

    doc = Article(doc_id="p1", external_id="p1", source_path="p1.txt", subtitle="", outlet="Quarry Workers Union",
                  title=title, body=body)
    assert [s.scope for s in extract_article(doc).claims[0].sources] == ["issuer"]


@pytest.mark.parametrize(("outlet", "issuer"), [
    ("Dunmore Fire Brigade – Press Office", "Dunmore Fire Brigade"),
    ("Lakeside Water Board | Communications", "Lakeside Water Board"),
    ("Radio North – Sport – Weather", "Radio North – Sport – Weather"),
])
def test_a_release_speaks_for_the_organisation_behind_its_press_office(outlet: str, issuer: str) -> None:
    from claimledger.model import Article

    doc = Article(doc_id="p2", external_id="p2", source_path="p2.txt", subtitle="", outlet=outlet, title="Flood",
                  body="PRESS RELEASE\n\nEleven residents are still missing.")
    assert [s.source_text for s in extract_article(doc).claims[0].sources] == [issuer]


def test_a_statement_titled_as_such_is_its_issuers() -> None:
    from claimledger.model import Article

    doc = Article(doc_id="s1", external_id="s1", source_path="s1.txt", subtitle="", outlet="Marlow Town Council",
                  title="Statement from Marlow Town Council on the flood", body="Eleven residents are still missing.")
    assert [s.scope for s in extract_article(doc).claims[0].sources] == ["issuer"]


@pytest.mark.parametrize(("sentence", "quantity_text", "partial"), [
    ("Of those pulled from the river, 4 were in a critical condition.", "4", True),
    ("Of course, 30 climbers died.", "30 climbers", False),
    # people in shelters, named as "evacuation centres", are a part of those displaced
    ("About 3,000 people stayed in evacuation centres on Friday night.", "About 3,000 people", True),
    ("About 3,000 people were evacuated on Friday night.", "About 3,000 people", False),
])
def test_opening_of_phrases_and_shelters_make_parts(sentence: str, quantity_text: str, partial: bool) -> None:
    assert _one(sentence, quantity_text).is_partial is partial


def test_patients_take_the_metric_of_their_clause() -> None:
    assert _one("Sadly, 7 patients have died at the clinic.", "7 patients").metric == "killed"
    assert _one("The clinic is treating 7 patients.", "7 patients").metric == "injured"


def test_a_figure_from_a_forwarded_voice_note_is_a_rumour() -> None:
    assert _one("A voice note forwarded on messaging apps claimed 90 villagers died.", "90 villagers").assertion \
        == "rumoured"


def test_every_figure_after_an_opening_of_phrase_is_a_part() -> None:
    body = "Of those hurt, 14 were taken to Bay Hospital, 9 were taken to the county clinic and 3 went home."
    assert [c.is_partial for c in claims_of(body)] == [True, True, True]


@pytest.mark.parametrize(("body", "assertion"), [
    ("Voice notes forwarded across the valley say 80 miners are dead.", "rumoured"),
    ("Messages circulating since Monday claim 80 miners are dead.", "rumoured"),
    ("A TikTok account run from abroad says 80 miners are dead.", "rumoured"),
    ("The mine operator said on its Facebook page that 80 miners are dead.", "asserted"),
    ("The governor said in a recorded message that 80 miners are dead.", "asserted"),
])
def test_a_figure_whose_only_source_is_passed_around_is_a_rumour(body: str, assertion: str) -> None:
    assert _one(body, "80 miners").assertion == assertion


def test_a_clause_is_no_source() -> None:
    body = "Six were treated and released at the clinic. Nine were treated at the scene and discharged."
    assert [c.sources for c in claims_of(body)] == [[], []]


def test_soldiers_being_held_are_captured() -> None:
    assert _one("The militia says 12 soldiers are being held in the hills.", "12 soldiers").metric == "captured"
    assert _one("A bus driver who was parked nearby said 3 people were hurt.", "3 people").sources


def test_a_source_named_as_a_platform_post_is_passed_around() -> None:
    from claimledger.extraction.scope import passed_around
    assert passed_around("A TikTok video") and passed_around("Telegram posts") and passed_around("X post")
    assert not passed_around("X Corp spokesman") and not passed_around("Facebook spokeswoman")


def test_a_post_shared_thousands_of_times_is_a_rumour_and_keeps_its_number_whole() -> None:
    claim = _one("A post shared more than 20,000 times claimed that 60 miners had died.", "60 miners")
    assert claim.assertion == "rumoured"
    assert [s.source_text for s in claim.sources] == ["A post shared more than 20,000 times"]


def test_an_outlet_naming_its_own_statement_is_the_issuer() -> None:
    from claimledger.model import Article

    doc = Article(doc_id="s2", external_id="s2", source_path="s2.txt", subtitle="", outlet="Harbour Aid Trust",
                  title="Harbour Aid Trust update on the storm response", body="Our kitchens served 900 families.")
    assert [s.scope for s in extract_article(doc).claims[0].sources] == ["issuer"]
    other = Article(doc_id="s3", external_id="s3", source_path="s3.txt", subtitle="", outlet="Harbour Times",
                    title="Storm: what we know", body="Kitchens served 900 families.")
    assert extract_article(other).claims[0].sources == []


def test_a_shooting_that_came_weeks_after_another_names_the_other_events_toll() -> None:
    body = "The attack came just weeks after a gunman at a warehouse in Dalby shot nine workers."
    assert _one(body, "nine workers").event_scope == "other_event"


@pytest.mark.parametrize(("speaker", "origin"), [
    # an institution or a place after "of" is no person speaking for it
    ("Ministry of Health", "Ministry of Health"),
    ("Governor of Harlan", "Governor of Harlan"),
    ("Two officials", "Two officials"),
    ("Senior officials", "Senior officials"),
])
def test_only_a_person_speaks_for_an_organisation(speaker: str, origin: str) -> None:
    assert canonical(speaker) == origin


@pytest.mark.parametrize("body", [
    "Death toll: 71 villagers killed.",
    "Latest update: 9 villagers died.",
])
def test_a_section_label_before_a_colon_is_no_source(body: str) -> None:
    assert claims_of(body)[0].sources == []


def test_a_breakdown_over_sentences_takes_the_totals_source() -> None:
    body = "Medics said 15 climbers were hurt. Nine were flown to the valley clinic. Six were treated at the hut."
    assert [s.source_text for s in _one(body, "Six").sources] == ["Medics"]


@pytest.mark.parametrize("body", [
    "The hospital confirmed that a second patient has died of burns.",
    "Rescuers learned on Monday that a fifth miner had died underground.",
])
def test_an_article_before_an_ordinal_counts_no_one(body: str) -> None:
    assert claims_of(body) == []


def test_a_figures_clause_before_a_colon_is_no_source() -> None:
    body = "Twenty-one went to hospitals: 15 to Aldon and six to Brest."
    assert all(c.sources == [] for c in claims_of(body))


def test_a_news_article_that_mentions_a_press_secretary_is_no_release() -> None:
    from claimledger.model import Article

    body = ("The White House press secretary declined to comment.\n\nTwelve miners were killed.\n\nThe strike "
            "ends on Friday.")
    for outlet, title in (("Harbour Times", "Mine blast"), ("AP", "Storm update: roads closed")):
        doc = Article(doc_id="n2", external_id="n2", source_path="n2.txt", subtitle="", outlet=outlet, title=title,
                      body=body)
        assert next(c for c in extract_article(doc).claims if c.quantity_text == "Twelve miners").sources == []


def test_a_family_to_whom_the_event_happened_is_the_events_count() -> None:
    claim = _one("A mother lost her three children in the fire.", "three children")
    assert claim.event_scope == "main" and claim.metric in ("killed", "casualties")


@pytest.mark.parametrize(("origin", "body"), [
    ("the Coast Guard", "coast guard"),
    ("Interior Ministry", "interior ministry"),
    ("Harbour Residents' Association", "harbour residents' association"),
    ("Mayor Irina Vask", None),  # a person
    ("Rescuers", None),
    ("Northern District", None),  # a place, not a body
    # a body, then one who speaks for it
    ("fire brigade spokeswoman Anna Lind", "fire brigade"),
    ("Harbour Police Commander Ivo Petrov", "harbour police"),
    ("union president Omar Haddad", "union"),
    ("Senator Ruth Okafor", None),
])
def test_the_body_an_origin_names(origin: str, body: str | None) -> None:
    assert origin_body(origin) == body


# Responders counted with no cue of their own are those sent; a cue, or a list that shares its metric, wins.
@pytest.mark.parametrize(("body", "quantity_text", "metric"), [
    ("About 60 firefighters from four stations fought the warehouse blaze until dawn.", "About 60 firefighters",
     "deployed"),
    ("Satellite pictures show roughly 9,000 troops camped near the border crossing.", "roughly 9,000 troops",
     "deployed"),
    ("Forty volunteers from the parish handed out blankets at the gym.", "Forty volunteers", "deployed"),
    ("Three paramedics were hurt when the ambulance overturned.", "Three paramedics", "injured"),
    ("The clinic treated 31 people, including four rescuers cut by glass.", "four rescuers", "injured"),
    ("Five of the 30 officers at the march were later named in the complaint.", "Five", "other"),
])
def test_responders_with_no_cue_are_those_sent(body: str, quantity_text: str, metric: str) -> None:
    assert _one(body, quantity_text).metric == metric


# A named origin between the counted noun and its verb ("six miners of Varta Coal died") leaves the verb's cue
# to the counted people.
@pytest.mark.parametrize(("body", "quantity_text", "metric"), [
    ("Six miners of Varta Coal died when the shaft flooded.", "Six miners", "killed"),
    ("Two nurses from the Ostrava Clinic were wounded by shrapnel.", "Two nurses", "injured"),
    ("Four crew members of the 12th Airlift Squadron were missing after the crash.", "Four crew members",
     "missing"),
])
def test_a_named_origin_after_the_counted_noun_keeps_the_verbs_cue(body: str, quantity_text: str,
                                                                   metric: str) -> None:
    assert _one(body, quantity_text).metric == metric


# A bare number inside a name is no claim; a count after a place, a share or a score is.
@pytest.mark.parametrize(("body", "number", "kind"), [
    ("The regional governor told Radio Korvat 3 that nine people had died.", "3", "identifier"),
    ("Investigators from Precinct 12 were questioning two suspects.", "12", "identifier"),
    ("Ferries now leave from Pier 6 while repairs go on.", "6", "identifier"),
])
def test_a_numeral_inside_a_name_is_set_aside(body: str, number: str, kind: str) -> None:
    assert _set_aside(body).get(number) == kind


@pytest.mark.parametrize(("body", "quantity_text"), [
    ("Eleven were killed in Mostar and in Zenica 4, the agency said.", "4"),
    ("The poll has Harlow 52% to 41% among likely voters.", "52%"),
    ("In Tarvas 14 people were rescued from rooftops.", "14 people"),
    ("“Another 9 were wounded overnight,” the mayor said.", "9"),
])
def test_a_count_said_of_a_name_stays_a_number(body: str, quantity_text: str) -> None:
    assert quantity_text in [c.quantity_text for c in claims_of(body)]


# A live blog's entry is one update: a figure later in the entry is the entry's source's.
_LATER_IN_ENTRY = ("Four sailors from the second boat are still unaccounted for, and a patrol plane will search "
                   "the bay at first light.")


@pytest.mark.parametrize(("body", "source"), [
    ("09:30\nHarbour Master Ines Roca: 17 crew were rescued from the trawler. " + _LATER_IN_ENTRY,
     "Harbour Master Ines Roca"),
    ("2:15 PM - Port officials say 17 crew were rescued from the trawler. " + _LATER_IN_ENTRY, "Port officials"),
    ("Port officials say 17 crew were rescued from the trawler.\n\n" + _LATER_IN_ENTRY, None),
])
def test_a_live_entry_speaks_with_one_voice(body: str, source: str | None) -> None:
    claim = _one(body, "Four sailors")
    assert (claim.sources[0].source_text if claim.sources else None) == source


def test_a_source_that_adds_a_figure_to_its_count_gives_it() -> None:
    body = ("Rescuers in the valley put the toll at six on Sunday evening. The fire brigade adds two climbers who "
            "were found dead below the north face, bringing its own count to eight.")
    assert [s.source_canonical for s in _one(body, "two climbers").sources] == ["fire brigade"]


@pytest.mark.parametrize(("body", "injured"), [
    ("Police said a gunman shot four shoppers, killing one, before he fled.", 3.0),
    ("Soldiers fired on the crowd and shot seven people, killing two of them.", 5.0),
    ("Four people were shot, none fatally.", None),
])
def test_shot_then_killing_gives_the_injured(body: str, injured: float | None) -> None:
    derived = [c for c in claims_of(body) if c.value_source == "derived"]
    assert (derived[0].value_low if derived else None) == injured


def test_a_summary_box_figure_takes_the_source_of_the_entry_that_states_it() -> None:
    body = ("A flash flood swept through the valley overnight and destroyed twelve homes.\n\nKey numbers\n\n"
            "Missing: 5\n\nRoads closed: 12\n\n8:40 a.m.\n\nRescuers found no one overnight. Five people remain "
            "missing, Chief Warden Tomas Ek said.")
    assert [s.source_text for s in _one(body, "5").sources] == ["Chief Warden Tomas Ek"]


# A bare figure an origin gives for the count under discussion counts what was just counted.
@pytest.mark.parametrize(("body", "quantity_text", "metric"), [
    ("The interior ministry reports 40 people dead and 95 hurt. The provincial governor says 52 and 130.", "52",
     "killed"),
    ("The interior ministry reports 40 people dead and 95 hurt. The provincial governor says 52 and 130.", "130",
     "injured"),
    ("Red Crescent medics said 210 people were hurt in the quake. The district office says 150.", "150", "injured"),
    ("How many died is still disputed. The mountain rescue service puts it at 14.", "14", "killed"),
    ("The mining union said 31 miners died, while the operator gave a figure of 27.", "27", "killed"),
    ("The hospital said 64 people were treated for burns. \"We stand by 64,\" its director said.", "64", "injured"),
    # records a speaker holds, one for each person counted
    ("The villagers say 40 fishermen drowned. \"Our register holds 40 names,\" the elder said.", "40 names",
     "killed"),
    ("The clinic said 17 pupils were hurt. \"I have 17 case files on my desk,\" a doctor said.", "17 case files",
     "injured"),
    ("The army said 9 soldiers died. They showed us 9 autopsy reports.", "9 autopsy reports", "killed"),
])
def test_a_bare_figure_counts_what_was_just_counted(body: str, quantity_text: str, metric: str) -> None:
    claim = _one(body, quantity_text)
    assert (claim.metric, claim.kind) == (metric, "count")


# A bare figure tied to a named place of treatment, in a sentence about the hurt, counts that place's patients
@pytest.mark.parametrize(("body", "quantity_text", "metric", "share"), [
    ("Forty people were hurt; 28 at Valley General Hospital and 12 at the Orm Burns Unit.", "28", "injured", True),
    ("Forty people were hurt; 28 at Valley General Hospital and 12 at the Orm Burns Unit.", "12", "injured", True),
    ("Buses took 70 injured fans to Mercy Hospital Tarn (45) and Lake Clinic (25).", "45", "injured", True),
    ("Last spring some 35 at Valley General Hospital went on strike.", "some 35", "other", False),
])
def test_a_figure_at_a_named_place_of_treatment(body: str, quantity_text: str, metric: str, share: bool) -> None:
    found = _one(body, quantity_text)
    assert (found.metric, found.is_partial) == (metric, share)


# A bare part of a group named by a pronoun or a cue counts what the group counts
@pytest.mark.parametrize(("body", "quantity_text", "metric"), [
    ("Fourteen miners were killed underground. Six of those were contractors, the union said.", "Six", "killed"),
    ("The quake hurt 80 villagers. Of them, 25 were under ten.", "25", "injured"),
    ("Of the fatalities, 7 were tourists from abroad.", "7", "killed"),
    ("Three tourists were injured. Then 12 of them were flown home.", "12", "other"),  # a larger part is no part
    ("The club has 40 members. Nine of them are coaches.", "Nine", "other"),
    # a group named again by its figure
    ("The agency said 48 migrants drowned off the cape. Of the 48, 30 were men.", "the 48", "killed"),
    ("The agency said 48 migrants drowned off the cape. Of the 50, 30 were men.", "the 50", "other"),
    # people a count includes, and people among a group named by a pronoun
    ("The mayor says 14 people died. Her tally includes five workers who lived at the lodge.", "five workers",
     "killed"),
    ("Shelling wounded 60 villagers. Among them were 15 pupils, a nurse said.", "15 pupils", "injured"),
    ("The choir has 30 singers. Among them are four tenors.", "four tenors", "other"),
])
def test_a_bare_part_counts_what_its_group_counts(body: str, quantity_text: str, metric: str) -> None:
    assert _one(body, quantity_text).metric == metric


@pytest.mark.parametrize(("body", "quantity_text"), [
    ("The blast killed 12 people. The agency said 2,000 homes lost power.", "2,000 homes"),
    ("The blast killed 12 people. Police gave a figure of 5 percent for the rise in calls.", "5 percent"),
    ("The blast killed 12 people. A petition carrying 3,000 names was handed to the mayor.", "3,000 names"),
])
def test_a_figure_with_its_own_noun_keeps_it(body: str, quantity_text: str) -> None:
    assert _one(body, quantity_text).metric not in ("killed", "injured")


@pytest.mark.parametrize(("body", "zero"), [
    ("A week on, the mayor published a death toll nobody accepts.", False),
    ("No one knows how many workers were inside.", False),
    ("Nobody was hurt when the crane toppled.", True),
    ("No one died in the second blast.", True),
])
def test_a_zero_phrase_counts_only_when_the_harm_is_its_own(body: str, zero: bool) -> None:
    assert any(c.value_low == 0 for c in claims_of(body)) is zero


@pytest.mark.parametrize(("body", "number"), [
    ("Ridgeway 50: second runner dies after the race", "50"),
    ("Phase 2: what the inquiry will look at", "2"),
])
def test_a_name_or_label_before_a_colon_is_no_count(body: str, number: str) -> None:
    assert _set_aside(body).get(number) == "identifier"


# A name an article defines with its acronym is one origin under both ("... Authority (NWRA)" then "NWRA").
@pytest.mark.parametrize(("body", "quantity_text"), [
    ("The National Water Rescue Authority (NWRA) said 14 people drowned.\n\nNWRA deputy director Ola Berg said "
     "later that 16 had died.", "16"),
    ("The Kessin Fire and Rescue Brigade (KFRB) said 14 people drowned.\n\nA KFRB spokesman put the toll at 16.",
     "16"),
])
def test_an_acronym_the_article_defines_is_the_same_origin(body: str, quantity_text: str) -> None:
    first = {s.source_canonical for s in _one(body, "14 people").sources}
    assert {s.source_canonical for s in _one(body, quantity_text).sources} == first and len(first) == 1


def test_an_acronym_defined_for_another_name_is_left_alone() -> None:
    body = "The Harbour Board (HB) said 14 people drowned.\n\nThe NWRA said 16 had died."
    assert {s.source_canonical for s in _one(body, "16").sources} != {s.source_canonical
                                                                      for s in _one(body, "14 people").sources}


# An organisation is who gives a count, not where it happened; a statement from it is its own.
@pytest.mark.parametrize(("body", "quantity_text", "place", "origin"), [
    ("A press officer at the Defence Ministry said 16 soldiers died near Varna.", "16 soldiers", "Varna",
     "Defence Ministry"),
    ("A report from the Border Guard said 9 migrants drowned.", "9 migrants", None, "Border Guard"),
    ("A bulletin from the Harbour Directorate put the injured at 23.", "23", None, "Harbour Directorate"),
])
def test_an_organisation_is_no_place(body: str, quantity_text: str, place: str | None, origin: str) -> None:
    claim = _one(body, quantity_text)
    assert claim.location == place
    assert [s.source_canonical for s in claim.sources] == [origin]


@pytest.mark.parametrize(("body", "quantity_text", "partial"), [
    ("Seven tourists hurt by falling rocks, including a guide, remained at Aldmoor Infirmary on Monday.",
     "Seven tourists", True),
    ("Five passengers hurt in the crash, among them a child, were still in hospital overnight.", "Five passengers",
     True),
    ("Nine people were injured in the crash, police said, and the road remained closed.", "Nine people", False),
])
def test_those_still_in_hospital_after_an_aside_are_a_part(body: str, quantity_text: str, partial: bool) -> None:
    assert _one(body, quantity_text).is_partial is partial


def test_whose_office_or_which_places_official_is_one_origin() -> None:
    from claimledger.extraction.keys import origin_of
    assert origin_of("Governor's office") == origin_of("Governor") == "Governor"
    assert origin_of("Town's mayor") == origin_of("mayor") == "Mayor"
    assert origin_of("Office of the Prosecutor") == "Prosecutor"
    assert origin_of("Harbour Office") == "Harbour Office"


@pytest.mark.parametrize(("body", "quantity_text", "metric"), [
    ("Some 80 officers attended the funeral on Friday.", "Some 80 officers", "other"),
    ("About 300 firefighters battled the blaze overnight.", "About 300 firefighters", "deployed"),
])
def test_responders_there_for_something_else_are_not_deployed(body: str, quantity_text: str, metric: str) -> None:
    assert _one(body, quantity_text).metric == metric


def test_a_relative_clause_opening_with_any_verb_leaves_its_noun_the_speaker() -> None:
    claim = _one("A Telegram message that went round the mining camps overnight said 30 miners were dead.",
                 "30 miners")
    assert claim.assertion == "rumoured"
    assert [s.source_canonical for s in _one("The clinic that took in the wounded said 9 were hurt.", "9").sources] \
        == ["clinic"]


def test_a_small_figure_in_words_an_origin_gives_counts_what_was_just_counted() -> None:
    body = "Officials said 12 people were killed in the quake. Rescuers say nine."
    assert [(c.quantity_text, c.metric) for c in claims_of(body)] == [("12 people", "killed"), ("nine", "killed")]
    assert [c.quantity_text for c in claims_of("Asked about turnout, the mayor says three.")] == []


def test_a_list_of_places_shares_the_count_of_its_first_item() -> None:
    found = {c.quantity_text: c for c in claims_of(
        "Paramedics said 18 injured were flown to Riverside General and six to St. Jude's.")}
    assert (found["six"].metric, found["six"].kind, found["six"].is_partial) == ("injured", "count", True)
    assert [c.quantity_text for c in claims_of("The team visited 5 schools: three in Lagos and two in Abuja.")] \
        == ["5 schools"]


def test_a_bare_figure_answers_the_count_under_discussion() -> None:
    body = ("The county said 31 people were hurt in the fire. Crews counted the patients they carried out. "
            "The fire service stood by 23. Later the county raised its tally to 35, and the hospital would stay "
            "with 29.")
    assert [(c.quantity_text, c.metric) for c in claims_of(body)] == [
        ("31 people", "injured"), ("23", "injured"), ("35", "injured"), ("29", "injured")]


def test_a_sum_for_each_in_an_unknown_currency_is_money() -> None:
    claim = _one("Five miners died. Each family will get 200,000 kulak apiece from the state.", "200,000")
    assert (claim.kind, claim.metric) == ("money", "other")


def test_what_a_figure_is_put_at_must_be_the_count() -> None:
    body = "Medics said 30 people were hurt. Police estimated the march at 12,000; the mayor put it at 40."
    assert [(c.quantity_text, c.metric) for c in claims_of(body)] == [
        ("30 people", "injured"), ("12,000", "other"), ("40", "injured")]


@pytest.mark.parametrize(("body", "quantity_text", "metric"), [
    ("The shelling left 25 soldiers and three nurses dead.", "25 soldiers", "killed"),
    ("Monitors counted 80 fighters and 12 civilians killed last week.", "80 fighters", "killed"),
    ("The ministry sent 300 troops and 20 medics were hurt on arrival.", "300 troops", "deployed"),
])
def test_earlier_items_of_a_list_take_the_metric_stated_after_the_last(body: str, quantity_text: str,
                                                                       metric: str) -> None:
    assert _one(body, quantity_text).metric == metric


@pytest.mark.parametrize(("body", "quantity_text"), [
    ("Nine people are still in hospital, three of them in a coma.", "three"),
    ("Ten injured were flown to Riga and four more went by ambulance.", "four"),
])
def test_a_part_of_or_more_of_the_count_before(body: str, quantity_text: str) -> None:
    claim = _one(body, quantity_text)
    assert (claim.metric, claim.kind, claim.is_partial) == ("injured", "count", True)


def test_a_part_of_a_count_of_nothing_that_happened_stays_no_count() -> None:
    assert all(c.metric == "other" for c in claims_of("The firm hired 12 people, four of them women."))


def test_a_cue_on_the_line_before_does_not_reach_a_bullet() -> None:
    body = "AT A GLANCE\n• Coast guard: four dead\n• 17 treated for smoke\n• 60 evacuated"
    assert [(c.quantity_text, c.metric) for c in claims_of(body)][:2] == [("four dead", "killed"), ("17", "injured")]


def test_an_area_in_sq_km_is_a_measure() -> None:
    assert _one("Nine anglers drowned after a 3 sq km ice sheet broke off.", "3").kind == "measure"


def test_the_dead_of_one_place_or_moment_are_a_part_of_a_larger_toll() -> None:
    body = "Rescuers said 6 miners were killed. Four died at the pithead and two died later."
    assert [(c.quantity_text, c.is_partial) for c in claims_of(body)] == [
        ("6 miners", False), ("Four", True), ("two", True)]
    assert not _one("Four miners died at the pithead, rescuers said.", "Four miners").is_partial


def test_a_persons_post_with_an_aside_is_hearsay_a_bodys_post_is_not() -> None:
    assert _one("A neighbour's video, later removed, claimed 9 tenants had died.", "9 tenants").assertion == "rumoured"
    assert _one("The council's post said 9 tenants had died.", "9 tenants").assertion == "asserted"


@pytest.mark.parametrize(("body", "partial"), [
    ("Two men were struck by gunfire and five people were hurt in the stampede.", True),
    ("Three people were killed and 40 injured.", False),
])
def test_the_hurt_by_each_cause_are_parts(body: str, partial: bool) -> None:
    assert all(c.is_partial is partial for c in claims_of(body))


def test_a_breakdown_adds_up_without_the_parts_of_something_else() -> None:
    body = ("Twelve people were hurt, the county said. Seven were treated on the pavement and five were admitted to "
            "hospital; three remain in hospital, one in a coma.")
    assert {c.quantity_text: c.is_partial for c in claims_of(body)}["Seven"] is True


def test_a_clause_about_someone_else_does_not_give_the_metric() -> None:
    assert _one("Six were shot and two others were hurt as the guests fled.", "two others").metric == "injured"


def test_figures_after_a_colon_that_add_up_to_the_one_before_are_its_breakdown() -> None:
    body = "The clinic has 12 patients from the mine: seven in its wards, three at the depot and two treated at home."
    found = {c.quantity_text: c for c in claims_of(body)}
    assert [found[k].is_partial for k in ("seven", "three", "two")] == [True, True, True]
    assert not found["12 patients"].is_partial


def test_someone_unnamed_posting_a_figure_is_hearsay() -> None:
    assert _one("A passenger tweeted that 30 people had drowned.", "30 people").assertion == "rumoured"


def test_more_shapes_of_a_figure_an_origin_holds() -> None:
    body = ('The agency said 40 people were hurt. "Forty is our number," its director said. "We are still at 40." '
            '"We have 40, and that is final."')
    assert [c.metric for c in claims_of(body)] == ["injured"] * 4
    assert [c.metric for c in claims_of("Lopez scored 20 points and Green had 14.")] in (["other"], ["other", "other"])


def test_a_bare_figure_answering_a_question_counts_what_it_asks() -> None:
    assert _one("How many miners died?\nSix, the company says.", "Six").metric == "killed"


def test_those_discharged_are_a_part_of_the_injured() -> None:
    claim = _one("Thirty workers were hurt. Twelve have been discharged.", "Twelve")
    assert (claim.metric, claim.is_partial) == ("injured", True)


def test_a_list_of_places_after_a_dash() -> None:
    body = "Ten people were hurt. Seven were taken to hospitals — four to Riverside General and three to St. Luke's."
    assert {c.quantity_text: c.metric for c in claims_of(body)}["three"] == "injured"


def test_a_field_labelled_with_one_place_or_state_is_a_share() -> None:
    body = "Casualties: 40 injured. By place: Mercy Hospital 25; sent home from the scene and discharged 15."
    found = {c.quantity_text: c for c in claims_of(body)}
    assert found["15"].is_partial and not found["40 injured"].is_partial


# A record's field whose label names a state or place of treatment ("still admitted", "discharged") counts
# those in that state, a part of the hurt; a label naming all the hurt counts the whole
WARD_RECORD = """The grandstand roof gave way during the derby on Sunday, the county said.

WARD STATUS
Persons injured: 64
Patients now admitted: 11
Released from the infirmary: 19
Persons in intensive care: 4
Still hospitalised: 6
"""


@pytest.mark.parametrize(("quantity_text", "share"), [("64", False), ("11", True), ("19", True), ("4", True),
                                                      ("6", True)])
def test_a_field_labelled_with_a_state_of_the_hurt_is_a_share(quantity_text: str, share: bool) -> None:
    found = _one(WARD_RECORD, quantity_text)
    assert (found.metric, found.is_partial) == ("injured", share)


def test_the_answer_to_how_many_are_still_in_hospital_is_a_part() -> None:
    claim = _one("How many remain in hospital?\nEight, the clinic says.", "Eight")
    assert (claim.metric, claim.is_partial) == ("injured", True)


@pytest.mark.parametrize(("body", "quantity_text"), [
    ("Three climbers injured in the rockfall died overnight, rangers said.", "Three climbers injured"),
    ("Four guards wounded on Friday have died in hospital, the prison said.", "Four guards wounded"),
    ("Two of the wounded have since died, the clinic said.", "Two of the wounded"),
    ("The pilot and four passengers suffered fatal injuries.", "four passengers"),
])
def test_the_hurt_who_then_died_are_dead(body: str, quantity_text: str) -> None:
    assert _one(body, quantity_text).metric == "killed"


def test_the_hurt_beside_a_death_in_a_relative_clause_stay_hurt() -> None:
    body = "Six guards wounded in the raid that killed two were flown to Tarsk."
    assert _one(body, "Six guards wounded").metric == "injured"


@pytest.mark.parametrize(("body", "quantity_text", "assertion"), [
    ("At the noon briefing the brigade's spokeswoman had given a toll of 7.", "7", "corrected"),
    ("On Tuesday evening the coroner had counted five dead and the union had counted 11 dead.", "11 dead",
     "corrected"),
    ("The agency had reported 30 injured before its update.", "30 injured", "corrected"),
    ("Police said on Monday, after a recount, they had counted 40 dead.", "40 dead", "asserted"),
    ("By Friday, divers had counted 40 dead.", "40 dead", "asserted"),
    # an adverb of first time before the verb: the origin's first figure, in any tense
    ("The prefecture initially counted 6 climbers dead, then raised the toll.", "6 climbers dead", "corrected"),
    ("Firefighters originally put the number of injured at 14 before a recount.", "14", "corrected"),
    ("Officials said the coastguard had first given a figure of 30 missing.", "30", "corrected"),
    ("The prefecture reported 6 climbers dead on its first bulletin.", "6 climbers dead", "asserted"),
    # an earlier update of the origin's own
    ("In an earlier bulletin at noon, the prefecture said four climbers were missing.", "four climbers",
     "corrected"),
])
def test_an_origins_past_perfect_figure_is_its_earlier_one(body: str, quantity_text: str, assertion: str) -> None:
    assert _one(body, quantity_text).assertion == assertion


@pytest.mark.parametrize(("body", "quantity_text"), [
    ("Forty workers were hurt, the company said. Eleven are admitted.", "Eleven"),
    ("Five people were kept in hospital overnight.", "Five people"),
    ("The mobile clinic, which was set up near the ferry terminal on Sunday, has since treated 17 injured passengers.",
     "17 injured passengers"),
])
def test_those_admitted_now_kept_in_or_treated_by_one_clinic_are_a_part(body: str, quantity_text: str) -> None:
    claim = _one(body, quantity_text)
    assert (claim.metric, claim.is_partial) == ("injured", True)


def test_those_admitted_to_hospital_are_the_injured() -> None:
    assert not _one("Twelve people were admitted to hospital, police said.", "Twelve people").is_partial


@pytest.mark.parametrize(("body", "quantity_text", "unit"), [
    ("Rangers found 230 wounded seals at 6 beaches.", "230 wounded seals", "seal"),
    ("Shelters took in 95 injured cats at 4 sites on Sunday.", "95 injured cats", "cat"),
    ("The 7 injured were at least 40 metres away.", "The 7 injured", "person"),
])
def test_the_hurt_adjective_before_a_noun_and_a_place_with_a_number(body: str, quantity_text: str, unit: str) -> None:
    """ "injured birds at 14 camps": the number after "at" is a place's count, so "injured" is the adjective of
    the noun after it, not the hurt people themselves."""
    assert _one(body, quantity_text).unit == unit


@pytest.mark.parametrize(("body", "quantity_text", "partial"), [
    ("The agency counted 55 wounded. Forty of the wounded went to Varna General and 10 were treated in a school"
     " gym, a medic said.", "10", True),
    ("Medics said 33 were hurt. Twenty of the injured were flown to the coast, and 10 were treated on a ferry.",
     "10", True),
    # the whole after a share keeps its own standing
    ("Medics said 30 were hurt. Twelve of the injured were pupils and 30 were treated in all.", "30", False),
])
def test_a_bare_figure_after_a_share_joined_by_and_is_the_next_share(body: str, quantity_text: str,
                                                                     partial: bool) -> None:
    found = [c for c in claims_of(body) if c.quantity_text == quantity_text]
    assert found[-1].metric == "injured" and found[-1].is_partial is partial


@pytest.mark.parametrize(("body", "quantity_text", "scope"), [
    ("The 2014 avalanche buried 9 skiers above the village. It also swept away 40 chalets.", "40 chalets",
     "other_period"),
    ("A separate blaze last month hurt 6 tenants. They also lost 30 flats.", "30 flats", "other_event"),
    # the sentence before is about this event: nothing to carry
    ("The avalanche buried 9 skiers on Monday. It also swept away 40 chalets.", "40 chalets", "main"),
    # another paragraph starts afresh
    ("The 2014 avalanche buried 9 skiers above the village.\n\nIt swept away 40 chalets on Monday.", "40 chalets",
     "main"),
])
def test_a_sentence_opening_on_a_pronoun_goes_on_about_the_event_before(body: str, quantity_text: str,
                                                                        scope: str) -> None:
    assert _one(body, quantity_text, published="2025-03-04").event_scope == scope


@pytest.mark.parametrize(("body", "quantity_text", "partial"), [
    ("The council deployed 3 stewards at each of the 14 polling stations.", "3 stewards", True),
    ("Two medics were stationed in every carriage of the relief train.", "Two medics", True),
    ("The council deployed 300 stewards across the city.", "300 stewards", False),
])
def test_a_count_per_unit_is_one_units_share(body: str, quantity_text: str, partial: bool) -> None:
    assert _one(body, quantity_text).is_partial is partial


def test_a_corrected_figure_still_names_the_count_a_bare_figure_answers() -> None:
    body = ("Correction: An earlier entry said the union counted 4,400 injured. "
            "That was mistyped. The union's figure is 440.")
    assert _one(body, "440").metric == "injured"


@pytest.mark.parametrize(("body", "quantity_text", "metric"), [
    ('The coroner said a second climber had slipped from the ridge and died before help came. "We found him at '
     'dawn. He was alone up there. Our tally is two," she said.', "two", "killed"),
    ('A warden said a fourth walker had been hurt by falling rock near the hut. "The path was closed. Nobody '
     'listened. Our total is 4," he said.', "4", "injured"),
])
def test_a_bare_figure_answers_the_count_its_paragraph_speaks_of(body: str, quantity_text: str,
                                                                 metric: str) -> None:
    assert _one(body, quantity_text).metric == metric


@pytest.mark.parametrize(("body", "quantity_text", "metric"), [
    ("The clinic counted 14 people hurt on Friday. By Sunday evening it was 17.", "17", "injured"),
    ('The landslide killed five villagers, the mayor said. "This morning it is six," she added later.', "six",
     "killed"),
])
def test_it_before_a_link_verb_is_the_count_under_discussion(body: str, quantity_text: str, metric: str) -> None:
    assert _one(body, quantity_text).metric == metric


@pytest.mark.parametrize(("toll", "metric"), [
    ("Rescuers said 30 people were hurt in the crush.", "injured"),
    ("Rescuers said 30 people were hurt and 2 were killed in the crush.", "other"),  # which of the two: unsaid
])
def test_a_bare_figure_answers_the_one_harm_the_story_counted_a_few_sentences_back(toll: str, metric: str) -> None:
    body = (f"{toll} The gates had been locked. The band kept playing.\n\n"
            'The organiser spoke at noon. "Our tally is 24," he said.')
    assert _one(body, "24").metric == metric


@pytest.mark.parametrize(("body", "metric"), [
    ("Seven sailors were rescued with injuries. One is in a critical condition.", "injured"),
    ("Two drowned near the pier; one died in a clinic in the town.", "killed"),
    ('"Three of the hikers are hurt. One is in intensive care," the ranger said.', "injured"),
])
def test_a_pronoun_one_opening_its_sentence_or_clause_goes_on_from_the_group(body: str, metric: str) -> None:
    found = [c for c in claims_of(body) if c.quantity_text.lower() == "one"]
    assert len(found) == 1 and found[0].metric == metric and found[0].is_partial


@pytest.mark.parametrize("body", [
    "Four crew members were hurt. One is a cook.",
    "Two guards were hurt. One had burned fingers, the other a wounded knee.",  # one of a pair described
])
def test_a_pronoun_one_opening_its_sentence_with_no_harm_or_paired_is_no_count(body: str) -> None:
    assert not [c for c in claims_of(body) if c.quantity_text == "One"]


@pytest.mark.parametrize(("body", "quantity_text", "metric"), [
    ("Medics said 12 were wounded. The agency's tally now stands at 15.", "15", "injured"),
    ('Four miners died, the company said. "We count five," the union said.', "five", "killed"),
    ('The clinic said 30 people were hurt. "We stick to 27," the mayor said.', "27", "injured"),
    ('The army said nine soldiers were killed. "Ours is 14," a medic said.', "14", "killed"),
    ('Officials say 20 were injured. "The union\'s tally, 31, is complete," she said.', "31", "injured"),
])
def test_more_phrases_that_give_a_figure_for_the_count_under_discussion(body: str, quantity_text: str,
                                                                         metric: str) -> None:
    assert _one(body, quantity_text).metric == metric


@pytest.mark.parametrize(("body", "quantity_text", "metric"), [
    ("Three pilgrims were trampled near the shrine steps.", "Three pilgrims", "injured"),
    ("Five spectators were trampled to death when the barrier gave way.", "Five spectators", "killed"),
    ("An angry buffalo gored four herders on Sunday.", "four herders", "injured"),
    ("Eleven skiers were frostbitten on the pass.", "Eleven skiers", "injured"),
])
def test_trampled_gored_and_frostbitten_are_harms(body: str, quantity_text: str, metric: str) -> None:
    assert _one(body, quantity_text).metric == metric


@pytest.mark.parametrize(("body", "quantity_text", "metric"), [
    ("Twelve sailors were hurt. One remains critical.", "One", "injured"),
    ("Three hikers drowned in the flood; one died later in the clinic.", "one", "killed"),
    ("Nine divers were hurt; one later died.", "one", "killed"),
])
def test_a_verb_or_adverb_after_a_number_is_never_its_counted_noun(body: str, quantity_text: str,
                                                                    metric: str) -> None:
    found = _one(body, quantity_text)
    assert found.metric == metric and found.unit not in {"remain", "later", "critical"}


@pytest.mark.parametrize(("body", "quantity_text", "metric"), [
    ("Medics said 12 were wounded. The agency's tally now stands at 15, up from 13 on Monday.", "13", "injured"),
    ('Four miners died, the company said. "We count five, up from three last night," the union said.', "three",
     "killed"),
])
def test_an_earlier_value_after_a_bare_figure_takes_that_figures_count(body: str, quantity_text: str,
                                                                         metric: str) -> None:
    assert _one(body, quantity_text).metric == metric


@pytest.mark.parametrize(("body", "quantity_text", "metric"), [
    ("The clinic said 30 people were hurt in the crush. By noon its tally had reached 34.", "34", "injured"),
    ('Police say four climbers died. "It will be four until the coroner rules," a sergeant said.', "four",
     "killed"),
    ("Rescuers said nine sailors drowned. The chaplain keeps a notebook. It has 11 names.", "11 names", "killed"),
])
def test_more_figure_slots_reached_a_modal_be_and_a_list_that_has_names(body: str, quantity_text: str,
                                                                       metric: str) -> None:
    assert _one(body, quantity_text).metric == metric


@pytest.mark.parametrize(("body", "quantity_text", "metric"), [
    ("Officials said 20 people were hurt in the fire. Eleven are at Kessel County Hospital and nine at the "
     "Marrow Clinic.", "nine", "injured"),
    ("The mayor said 17 villagers were hurt. According to the health board, 10 are at Orsk General and 7 at "
     "the field clinic.", "10", "injured"),
    ("Rangers said 12 climbers were killed. Five were in the gully, the others on the ridge.", "Five", "killed"),
])
def test_a_bare_figure_that_says_where_some_are_is_a_part_of_the_group_before(body: str, quantity_text: str,
                                                                               metric: str) -> None:
    found = _one(body, quantity_text)
    assert found.metric == metric and found.is_partial


def test_a_bare_figure_with_a_place_is_no_part_of_a_smaller_figure() -> None:
    body = "Police said 3 people were hurt. Forty are at the stadium gates and twelve at the bridge."
    assert not [c for c in claims_of(body) if c.quantity_text in {"Forty", "twelve"} and c.metric != "other"]


@pytest.mark.parametrize(("body", "quantity_text", "metric"), [
    ("The depot said 30 porters were hurt. The agency's tally was up from 24 on Friday.", "24", "injured"),
    ("Mayor Dunn says six people died. A man died overnight, raising her count from five.", "five", "killed"),
])
def test_a_figure_after_from_behind_a_count_noun_is_its_earlier_value(body: str, quantity_text: str,
                                                                       metric: str) -> None:
    assert _one(body, quantity_text).metric == metric


def test_from_after_a_noun_that_counts_nothing_is_no_figure_slot() -> None:
    assert _one("The number of people from 5 countries grew.", "5 countries").metric == "other"


@pytest.mark.parametrize(("body", "metric"), [
    ("Two miners died in the collapse: one at the pit head and one at Denby Infirmary.", "killed"),
    ("Nine anglers were hurt: eight at the pier and one at the marina.", "injured"),
])
def test_a_pronoun_one_in_a_list_of_places_is_that_places_share(body: str, metric: str) -> None:
    ones = [c for c in claims_of(body) if c.quantity_text == "one"]
    assert ones and all(c.metric == metric and c.is_partial for c in ones)


def test_a_pronoun_one_with_a_place_and_no_count_before_is_no_claim() -> None:
    assert not [c for c in claims_of("The fans came in, one at a time, and sat down.") if c.quantity_text == "one"]


@pytest.mark.parametrize(("body", "quantity_text", "metric"), [
    ("Crews said 9 climbers died: six on Monday and three on Tuesday.", "three", "killed"),
    ("The ward said 14 workers were burned: five on Friday and nine on Saturday.", "nine", "injured"),
])
def test_a_list_of_days_after_a_colon_breaks_down_the_figure_before(body: str, quantity_text: str,
                                                                     metric: str) -> None:
    found = _one(body, quantity_text)
    assert found.metric == metric and found.is_partial

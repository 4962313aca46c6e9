"""Who acts and who is acted on: passives that borrow their subject, relative clauses of
place, and the dateline (docs/events.md, "Participants")."""

from __future__ import annotations

from tests.test_analyze_events import analyzed, codes

import newsmill
from newsmill.settings import AnalyzeSettings, Settings


def _only(record, event_type: str):  # type: ignore[no-untyped-def]
    found = [e for e in record.events if e.type == event_type]
    assert len(found) == 1, [(e.type, e.evidence.text) for e in record.events]
    return found[0]


def test_a_passive_verb_borrowing_its_subject_names_the_one_acted_on() -> None:
    record = analyzed("Protesters marched to the ministry in Cairo and were arrested.")
    arrest = _only(record, "COERCE")
    assert not arrest.actors
    assert [r.span.text for r in arrest.recipients] == ["Protesters"]


def test_the_noun_of_a_passive_relative_clause_is_acted_on() -> None:
    record = analyzed("The rebels who were attacked by Syrian troops fled to Turkey.")
    attack = _only(record, "ASSAULT")
    assert codes(attack.actors) == {"SYR"}
    assert [r.span.text for r in attack.recipients] == ["The rebels"]


def test_a_relative_clause_of_place_has_no_actor_in_its_noun() -> None:
    record = analyzed(
        "Rates of cannabis use disorder have risen in U.S. states where the drug has been legalized."
    )
    assert all("states" not in a.span.text for e in record.events for a in e.actors)


def test_the_dateline_is_never_a_participant() -> None:
    record = analyzed(
        "BERLIN -- German police arrested three men on Monday.",
        "NEW DELHI: Their dream shattered, nearly 150 Indians returned home on Wednesday after "
        "being deported from the United States.",
    )
    participants = [p.span.text for e in record.events for p in (*e.actors, *e.recipients)]
    assert not any(text.upper().startswith(("BERLIN", "NEW DELHI")) for text in participants), participants
    arrested = [e for e in record.events if e.trigger and e.trigger.text == "arrested"]
    assert arrested and codes(arrested[0].actors) == {"DEU"}


def test_a_place_two_clauses_below_names_another_happening_not_the_actors_country() -> None:
    record = analyzed(
        "The three candidates agreed on a duty for American leadership to confront the militia, "
        "which the French president blamed for the bombings that killed 40 people in Paris."
    )
    agreed = [e for e in record.events if e.trigger and e.trigger.text == "agreed"]
    assert agreed and not codes(agreed[0].actors), [(a.span.text, a.code) for a in agreed[0].actors]
    killed = [e for e in record.events if e.trigger and e.trigger.text == "killed"]
    assert killed and codes(killed[0].recipients) == {"FRA"}  # the bombings' own place still counts


def test_an_act_asked_about_in_a_yes_no_question_is_not_asserted() -> None:
    record = analyzed("Did the ministry refuse to hand over the documents to parliament?")
    assert all(e.status != "asserted" for e in record.events), [(e.type, e.status) for e in record.events]
    told = analyzed("The ministry refused to hand over the documents to parliament.")
    assert any(e.type == "REJECT" and e.status == "asserted" for e in told.events)


def test_a_conjunct_without_its_own_subject_shares_the_first_verbs_auxiliaries() -> None:
    record = analyzed("The minister is going to protect and defend the farmers of Punjab.")
    defended = [e for e in record.events if e.trigger and e.trigger.text == "defend"]
    assert defended and defended[0].status == "future", [(e.type, e.status) for e in record.events]


def test_a_wh_question_takes_the_act_as_done() -> None:
    record = analyzed("Why did the ministry refuse to hand over the documents to parliament?")
    assert any(e.type == "REJECT" and e.status == "asserted" for e in record.events), [
        (e.type, e.status) for e in record.events
    ]


def test_the_one_called_upon_is_the_recipient_of_a_request() -> None:
    record = analyzed("Senator Sanders called upon Britain to press China into talks.")
    request = _only(record, "REQUEST")
    assert codes(request.recipients) == {"GBR"}


def test_an_appeal_is_a_request_only_for_something() -> None:
    assert not [
        e
        for e in analyzed("She sought to counter Mr. Obama's appeal to young voters.").events
        if e.type == "REQUEST"
    ]
    issued = analyzed("The Kenyan government issued an appeal to the UN to send food.")
    assert codes(_only(issued, "REQUEST").recipients) == {"IGO"}


def test_a_published_thing_released_is_no_retreat_and_people_released_are_the_recipients() -> None:
    assert not analyzed("A recruitment video released by Al-Shabaab features the candidate.").events
    record = analyzed("The prisoners released by Al-Shabaab returned to Kenya.")
    release = _only(record, "RETREAT")
    assert [r.span.text for r in release.recipients] == ["The prisoners"]


def test_it_continuing_a_thing_is_not_the_country_named_last() -> None:
    record = analyzed(
        "The bill was introduced by Democrats in the United States on Monday. It would also allow "
        "those who have been deported to return to the United States."
    )
    assert not [e for e in record.events if e.type == "CONCEDE"], [
        (e.type, e.evidence.text) for e in record.events
    ]
    state = analyzed("The United States condemned the attack on Monday. It also imposed sanctions on Iran.")
    assert codes(_only(state, "SANCTION").actors) == {"USA"}  # a country as subject is still continued


def test_agreeing_with_a_view_is_no_agreement_between_actors() -> None:
    assert not analyzed("Former President Bill Clinton agreed with the analysis.").events
    deal = analyzed("The Kenyan government agreed with Uganda on a ceasefire.")
    assert codes(_only(deal, "AGREE").recipients) == {"UGA"}


def test_a_pronoun_continues_the_last_fitting_name_even_when_it_has_no_code() -> None:
    # The group named last has no country; "It" must not skip back to the city named before it.
    record = analyzed(
        "The attacks in Paris were claimed by the Sahel Liberation Front on Friday. It has "
        "seized large parts of northern Mali."
    )
    seized = [e for e in record.events if e.trigger and e.trigger.text == "seized"]
    assert all("FRA" not in codes(e.actors) for e in seized), [
        (a.span.text, a.code) for e in seized for a in e.actors
    ]


def test_one_person_blocking_something_is_no_blockade_but_a_crowd_named_by_its_leader_is() -> None:
    assert not [
        e for e in analyzed("Clinton could block the release of records.").events if e.type == "PROTEST"
    ]
    crowd = analyzed("About 300 supporters of opposition leader Raila Odinga blocked roads in Nairobi.")
    assert _only(crowd, "PROTEST").mode == "obstruct"


def test_laws_systems_and_opinion_polls_do_not_act() -> None:
    for sentence in (
        "Switzerland's political system allows anyone to bring an issue to referendum.",
        "But voters' views of Mrs. Clinton's preparedness have also declined.",
    ):
        assert not analyzed(sentence).events, sentence


def test_an_honour_accepted_is_no_agreement() -> None:
    assert not analyzed(
        "Clinton prepares to accept the Democratic Party's nomination in Philadelphia."
    ).events
    terms = analyzed("The rebels accepted the government's conditions for a ceasefire.")
    assert terms.events


def test_recognizing_and_rescuing_are_acts_only_on_someone() -> None:
    assert not analyzed("Obama himself seemed to recognize the significance of the Iowa victory.").events
    assert not analyzed(
        "Bill Clinton was seeking to rescue his own beleaguered presidential campaign."
    ).events
    recognized = analyzed("France recognized Kosovo as a state on Monday.")
    assert codes(_only(recognized, "SUPPORT").actors) == {"FRA"}
    rescued = analyzed("Navy divers rescued twelve fishermen off the coast of Sri Lanka.")
    assert _only(rescued, "AID").recipients


def test_the_noun_a_passive_relative_clause_describes_is_never_its_actor() -> None:
    record = analyzed(
        "The cleric Anwar al-Awlaki, who was killed in a 2011 drone strike, is shown lecturing."
    )
    killed = _only(record, "ASSAULT")
    assert not any("Awlaki" in a.span.text for a in killed.actors)
    assert any("Awlaki" in r.span.text for r in killed.recipients)


def test_what_is_discussed_is_the_topic_and_the_other_side_comes_with_with() -> None:
    record = analyzed(
        "Defense Secretary Ash Carter spoke with his counterpart to discuss responses to the "
        "recent North Korean nuclear test."
    )
    assert not any(codes(e.recipients) for e in record.events if e.type == "CONSULT")
    talks = analyzed("The Israeli prime minister discussed the crisis with Egyptian President Hosni Mubarak.")
    assert codes(_only(talks, "CONSULT").recipients) == {"EGY"}


def test_what_someone_did_not_say_is_not_claimed() -> None:
    record = analyzed("The minister did not say that Iran had attacked the tanker.")
    assert _only(record, "ASSAULT").status == "hypothetical"
    said = analyzed("The minister said that Iran had attacked the tanker.")
    assert _only(said, "ASSAULT").status != "hypothetical"


def test_a_subject_with_neither_or_no_negates_the_act() -> None:
    record = analyzed("Neither the House nor the Senate have provided the money NASA requested.")
    assert all(e.status == "negated" for e in record.events), [(e.type, e.status) for e in record.events]
    assert _only(analyzed("No country offered aid to Haiti."), "AID").status == "negated"


def test_an_act_in_a_wh_clause_under_a_negated_report_is_taken_as_done() -> None:
    record = analyzed(
        "Experts cannot explain why they were silent when Obama declined to send arms to Ukraine."
    )
    assert _only(record, "REJECT").status == "asserted"


def test_a_place_visited_does_not_say_whose_the_visitor_is() -> None:
    record = analyzed(
        "Prince Andrew spoke to the BBC on Saturday. He said that he visited Jeffrey Epstein in "
        "New York in 2010."
    )
    visits = [e for e in record.events if e.type == "CONSULT"]
    assert all("USA" not in codes(e.actors) for e in visits), [
        (a.span.text, a.code) for e in visits for a in e.actors
    ]


def test_an_object_pronoun_is_never_the_subject_of_its_own_clause() -> None:
    record = analyzed(
        "Edward Snowden criticized WikiLeaks on Friday. WikiLeaks hit Snowden back by accusing him "
        "of pandering to Hillary Clinton."
    )
    accusing = [e for e in record.events if e.trigger and e.trigger.text == "accusing"]
    assert accusing and [r.span.text for r in accusing[0].recipients] == ["him"]
    assert codes(accusing[0].recipients) == {"USA"}


def test_the_accused_is_the_subject_of_what_is_alleged() -> None:
    record = analyzed("The Clinton campaign has alleged that the Russian government was behind the release.")
    assert codes(_only(record, "ACCUSE").recipients) == {"RUS"}


def test_who_is_asked_to_act_is_the_recipient_not_what_the_act_is_about() -> None:
    record = analyzed(
        "The Washington Post has repeatedly asked the campaign to release copies of the speeches."
    )
    assert [r.span.text for r in _only(record, "REQUEST").recipients] == ["the campaign"]


def test_what_is_said_about_the_recipient_does_not_give_the_actor_a_country() -> None:
    record = analyzed(
        "The Democrats are alleging that Trump's call with his Ukrainian counterpart was irregular."
    )
    assert "UKR" not in codes(_only(record, "ACCUSE").actors)


def test_a_scheduled_act_and_a_headline_infinitive_are_to_come() -> None:
    record = analyzed(
        "Obama called both candidates on Tuesday night and was scheduled to meet with Sanders at the "
        "White House on Thursday."
    )
    met = [e for e in record.events if e.trigger and e.trigger.text == "meet"]
    assert met and met[0].status == "future", [(e.type, e.status) for e in record.events]
    headline = analyzed("Clinton to call for wider efforts to cure Alzheimer's.")
    assert _only(headline, "REQUEST").status == "future"


def test_the_act_of_a_vow_is_promised_not_done() -> None:
    record = analyzed("Trump addressed his vow to temporarily ban people from entering the United States.")
    assert all(e.status != "asserted" for e in record.events), [(e.type, e.status) for e in record.events]


def test_laws_contests_and_ads_do_not_act() -> None:
    for sentence in (
        "The American Health Security Act of 2009 proposed a national health-insurance system.",
        "Primaries in Indiana and California would yield victories for Sanders, Devine predicted.",
        "A pro-Cruz group bought time in South Carolina for ads that attack Trump and Rubio.",
    ):
        assert not analyzed(sentence).events, sentence
    assert analyzed("The African National Congress accused the government of corruption.").events


def test_killing_a_bill_and_capturing_a_state_by_votes_are_figures_of_speech() -> None:
    assert not analyzed(
        "Seven Democrats kept up a filibuster aimed at killing a religious-freedom bill."
    ).events
    assert not analyzed("Mr. Obama ultimately captured Florida by about 74,000 votes.").events
    assert _only(analyzed("Rebels captured the town of Kidal in northern Mali."), "ASSAULT")


def test_unnamed_attackers_are_coded_by_where_they_struck_not_by_what() -> None:
    record = analyzed("Terrorists attacked a U.S. diplomatic compound in Benghazi, Libya, on Tuesday.")
    assert codes(_only(record, "ASSAULT").actors) == {"LBY"}


def test_calling_someone_is_a_phone_call_not_a_request() -> None:
    call = _only(analyzed("Obama called both candidates on Tuesday night."), "CONSULT")
    assert call.mode == "phone"
    assert not analyzed("Bush called Trump unhinged.").events
    assert _only(analyzed("The UN called on Israel to withdraw."), "REQUEST")


def test_a_request_or_accusation_someone_plans_is_still_to_come() -> None:
    planned = analyzed(
        "Clinton plans to call for a dramatic increase in federal spending on Alzheimer's research."
    )
    assert _only(planned, "REQUEST").status == "future"
    assert (
        _only(analyzed("The union intends to sue the government over the law."), "ACCUSE").status == "future"
    )
    assert _only(analyzed("The union sued the government over the law."), "ACCUSE").status == "asserted"


def test_blocking_websites_is_censorship_and_blocking_roads_a_blockade() -> None:
    websites = analyzed("Saudi authorities have blocked nearly 400,000 websites with offensive content.")
    assert _only(websites, "COERCE").mode == "restrict"
    roads = analyzed("Protesters blocked roads in the capital city of Algiers.")
    assert _only(roads, "PROTEST").mode == "obstruct"


def test_occupying_is_an_act_only_on_a_place() -> None:
    assert not analyzed("Warren, Biden and Obama have occupied the spotlight in the general election.").events
    assert _only(analyzed("Israeli troops occupied the town of Jenin."), "COERCE")


def test_giving_birth_is_no_aid() -> None:
    assert not analyzed(
        "Three women on the U.S. mainland have given birth to infants with birth defects."
    ).events


def test_an_act_judged_premature_has_not_happened_and_its_empty_it_acts_for_no_one() -> None:
    record = analyzed("Gore insisted it was premature to back Clinton's campaign for president.")
    backing = [e for e in record.events if e.trigger and e.trigger.text == "back"]
    assert backing and backing[0].status == "hypothetical" and not backing[0].actors


def test_it_after_a_things_sentence_continues_the_thing_whoever_it_is_from() -> None:
    record = analyzed(
        "A strong showing from Mr. Rubio in New Hampshire could push several candidates out. It "
        "would also allow him to consolidate the voters."
    )
    assert not record.events, [(e.type, e.evidence.text) for e in record.events]


def test_a_promised_fight_against_no_one_threatens_no_one() -> None:
    assert not analyzed("Sanders has vowed to fight on.").events
    threat = _only(analyzed("Hamas vowed to attack Israel."), "THREATEN")
    assert codes(threat.recipients) == {"ISR"}


def test_a_clause_of_time_is_an_event_of_its_own_and_its_passive_names_no_actor() -> None:
    record = analyzed(
        "Republican front-runner Donald Trump defended his campaign manager as a decent man on "
        "Tuesday, hours after the staffer was charged with battery in Florida."
    )
    defended = _only(record, "SUPPORT")
    assert not any("Florida" in r.span.text for r in defended.recipients)
    charged = [e for e in record.events if e.trigger and e.trigger.text == "charged"]
    assert all(not e.actors for e in charged)


def test_declining_to_tell_rejects_no_one() -> None:
    record = analyzed(
        "Trump declined to define what such a deal with Mexico would include.",
        "The ministry refused to name the officials who met the Iranian envoy.",
    )
    assert not [e for e in record.events if e.type == "REJECT"]
    kept = analyzed("Iran refused to release the detained American sailors.")
    assert any(e.type in {"REJECT", "RETREAT"} for e in kept.events)


def test_a_proposed_policy_is_no_agreement() -> None:
    record = analyzed("Trump has proposed temporarily banning Muslims from entering the United States.")
    assert not [e for e in record.events if e.type == "AGREE"]
    offer = _only(analyzed("Russia proposed a ceasefire to Ukraine on Monday."), "AGREE")
    assert codes(offer.recipients) == {"UKR"}


def test_winning_by_a_margin_or_winning_hearts_assaults_no_one() -> None:
    record = analyzed(
        "Hillary Clinton beat the senator from Vermont by 18 points on Tuesday.",
        "Within the past 12 days, he has captured the hearts of moderates in New Hampshire.",
        "Judge Reeves struck down Mississippi's constitutional bans on same-sex marriage.",
    )
    assert not [e for e in record.events if e.type in {"ASSAULT", "COERCE", "THREATEN"}]
    beating = _only(analyzed("Israeli troops beat a Palestinian man in Hebron on Tuesday."), "ASSAULT")
    assert codes(beating.actors) == {"ISR"}


def test_the_capital_where_two_ministers_meet_does_not_say_whose_the_visitor_is() -> None:
    """An actor the text names no country for is of the place it acts in only when it is a
    crowd or a people; a minister met in the host's capital is not the host's."""
    record = analyzed(
        "Minister of Mines and Energy Kwame Asante-Boadu met Brazil's Foreign Minister, Paulo "
        "Ribeiro, in the Brazilian capital on Monday."
    )
    meetings = [e for e in record.events if e.type == "CONSULT"]
    assert meetings and all("BRA" not in codes(e.actors) for e in meetings), [
        (a.span.text, a.code) for e in meetings for a in e.actors
    ]


def test_actors_meeting_among_themselves_visit_no_one_where_they_meet() -> None:
    # participants._among_themselves: the venue of a meeting of several actors is no recipient;
    # one actor arriving somewhere still visits its country.
    meeting = analyzed("Indian and Chinese foreign ministers met in Geneva on Monday to discuss the border.")
    assert all("CHE" not in codes(e.recipients) for e in meeting.events), [
        (e.type, codes(e.recipients)) for e in meeting.events
    ]
    visit = analyzed("Pakistani Prime Minister Imran Khan arrived in Moscow on a two-day visit on Wednesday.")
    assert any(e.type == "CONSULT" and codes(e.recipients) == {"RUS"} for e in visit.events)


def test_calling_on_someone_with_nothing_asked_is_a_visit() -> None:
    # triggers._pays_a_call: "called on Indonesia's president" visits; "called on Indonesia to
    # protect workers" asks.
    visit = analyzed("The Saudi envoy called on Indonesia's president on Monday.")
    assert [(e.type, e.mode, codes(e.recipients)) for e in visit.events] == [("CONSULT", "visit", {"IDN"})]
    appeal = analyzed("The Saudi envoy called on Indonesia to protect migrant workers.")
    assert [(e.type, codes(e.recipients)) for e in appeal.events] == [("REQUEST", {"IDN"})]


def test_a_strike_by_workers_at_a_company_is_not_against_the_state() -> None:
    # engine._employers: the strikers' employer, named, is the strike's recipient; no state
    # is filled in for it.
    record = analyzed(
        "JOHANNESBURG — A strike by more than 4,000 South African workers at steelmaker Vaalstaal "
        "Holdings entered its second week on Wednesday."
    )
    assert all(
        not (e.type == "PROTEST" and any(r.span.text == "" for r in e.recipients)) for e in record.events
    ), [(e.type, [(r.span.text, r.code) for r in e.recipients]) for e in record.events]


def test_a_dateline_is_no_part_of_the_actor() -> None:
    # drafts.after_dateline: "HARARE — Zimbabwe and Mozambique ..." is acted by Zimbabwe
    # and Mozambique; the parse hangs the dateline's place on the subject.
    record = newsmill.analyze(
        "Zimbabwe and Mozambique sign Beira corridor deal\n"
        "The two governments agreed to rebuild the rail line and open a border post by mid-2026.\n"
        "By Farai Chikowore | Thursday 20 March 2025\n\n"
        "HARARE — Zimbabwe and Mozambique on Wednesday signed a package of agreements worth an "
        "estimated $1.1 billion to revive the Beira corridor, the landlocked country's oldest and "
        "shortest route to the sea, after two days of talks in the capital.",
        published="2023-05-10",
        settings=Settings(analyze=AnalyzeSettings(min_confidence=0.0)),
    )
    actors = [a.span.text for e in record.events for a in e.actors]
    assert actors and not any("HARARE" in a for a in actors), actors
    assert "Zimbabwe" in actors, actors


def test_the_accused_is_the_subject_of_an_active_allegation_not_a_victim() -> None:
    # engine: "alleging that the Vanua Alliance had received donations" accuses the Vanua
    # Alliance; the victims of a passive clause are no one accused.
    record = analyzed(
        "Fiji's opposition leader went further, alleging that the Vanua Alliance had received "
        "large donations from overseas property developers."
    )
    accusations = [e for e in record.events if e.type == "ACCUSE"]
    assert any("Vanua Alliance" in r.span.text for e in accusations for r in e.recipients), accusations
    victims = analyzed("The union leader alleged that at least 25 farmers had been injured by police.")
    assert not any(
        "farmers" in r.span.text for e in victims.events if e.type == "ACCUSE" for r in e.recipients
    ), victims.events


def test_a_participant_closes_the_bracket_it_opens() -> None:
    # drafts.closed_brackets: "the National Union of Metalworkers of South Africa (Numsa" is written
    # with its closing bracket.
    record = analyzed(
        "A strike entered its second week after the National Union of Metalworkers of South Africa "
        "(Numsa) rejected what the company described as its final offer."
    )
    written = [p.span.text for e in record.events for p in e.actors + e.recipients]
    assert written and all(w.count("(") == w.count(")") for w in written), written


def test_a_side_walking_out_of_talks_protests_against_no_one_of_its_own() -> None:
    # settle._a_state_side: a protest by a state's side in talks is not aimed at its own
    # government (PLOVER's default for a protest that names no one); a crowd's still is.
    walkout = analyzed(
        "The previous round broke up without an agreement after the Panamanian side walked out "
        "over what it called a lack of flexibility."
    )
    protest = next(e for e in walkout.events if e.type == "PROTEST")
    assert not protest.recipients, protest
    crowd = analyzed(
        "About 200 supporters of former President Ahmed Ben Bella blocked roads in the capital "
        "city of Algiers demanding that he be reinstated."
    )
    blocked = next(e for e in crowd.events if e.type == "PROTEST")
    assert codes(blocked.recipients) == {"DZA"}, blocked


def test_people_named_by_a_role_or_trade_are_acted_on() -> None:
    """A recipient with no name but a word the curated Phoenix agents dictionary knows for a
    role or trade ("a former executive engineer", "representatives of the owners") is someone
    acted on, coded like any people of the sentence's country (phrases._an_agent)."""
    record = analyzed("A court in Peshawar on Monday convicted a former executive engineer of fraud.")
    conviction = _only(record, "ACCUSE")
    assert [r.span.text[:27] for r in conviction.recipients] == ["a former executive engineer"]
    assert codes(conviction.recipients) == {"PAK"}


def test_the_agency_and_place_of_a_dateline_say_whose_no_one_is() -> None:
    """ "HANOI, Oct 12 (Reuters) -": the place, date and agency a story was filed from are not a
    country the sentence names, so people of no stated country are not the agency's (British)."""
    record = analyzed(
        "HANOI, Oct 12 (Reuters) - Vietnam ordered more than 280,000 people to leave their homes on "
        "Wednesday as Typhoon Kirogi bore down on the coast, the government said."
    )
    order = _only(record, "REQUEST")
    assert codes(order.recipients) == {"VNM"}


def test_a_diplomat_of_no_stated_country_is_not_of_the_country_he_is_posted_in() -> None:
    """The domestic default (a sentence about one country) gives its code to people of no
    stated country, but never to a diplomat or envoy ("the expelled diplomat must leave")."""
    record = analyzed(
        "Ministry spokeswoman Anna Berg said the expelled diplomat must leave Sweden by Sunday."
    )
    assert all("SWE" not in codes(e.recipients) for e in record.events), [
        (e.type, [(r.span.text, r.code) for r in e.recipients]) for e in record.events
    ]


def test_the_agency_of_a_dateline_never_acts() -> None:
    """ "GABORONE (Reuters) - Botswana demanded ...": the parser may take the agency for the
    subject; the dateline's whole lead (place, date, agency) is never a participant."""
    record = analyzed(
        "GABORONE (Reuters) - Botswana on Monday demanded that Namibia immediately suspend a new "
        "irrigation pumping station on the Chobe river, accusing its neighbour of taking water."
    )
    demands = [e for e in record.events if e.type == "REQUEST"]
    assert demands and all("Reuters" not in a.span.text for e in demands for a in e.actors)
    assert all(codes(e.actors) <= {"BWA"} for e in demands), [(e.type, codes(e.actors)) for e in demands]

"""How `newsmill.analyze` reads scraped plain-text news pages of many layouts.

Every page below is original, fictional copy written for these tests, laid out the way scrapers
hand pages over: with navigation, bylines, timestamps, datelines, share prompts, related-link
lists, trending headlines and footers around the article. Each case states the reading a careful
human would give the page, and only what is determinable from it.
"""

# ruff: noqa: E501  (the pages are verbatim scraped lines; wrapping them would change them)
from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

import newsmill
from newsmill import NoArticleFound, analyze

LINK_LIST = frozenset({"link_list", "trending_headline"})
ANY = object()  # sentinel: the field is not determinable from the page, so it is not checked


@dataclass(frozen=True)
class Junk:
    """A piece of boilerplate: `fragment` must stay out of the body, and some boilerplate span
    containing it (or equal to it, when `exact`) must carry one of `reasons` (if given)."""

    fragment: str
    reasons: frozenset[str] | None = None
    exact: bool = False


@dataclass(frozen=True)
class Layout:
    id: str
    page: str
    title: str
    subtitle: str | None
    paragraphs: tuple[str, ...]  # the opening words of each body paragraph, in order
    dateline: tuple[str, str, str | None] | None = None  # (.text, .name, .agency)
    authors: Any = ANY  # tuple of names, () for "no byline", or ANY
    published: Any = None  # "YYYY-MM-DD", None for "the page states no date", or ANY
    junk: tuple[Junk, ...] = ()
    no_boilerplate: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


def _reasons(*names: str) -> frozenset[str]:
    return frozenset(names)


CASES: list[Layout] = [
    Layout(
        id="reuters_washington_two_authors_trailer",
        page="""\
Senate panel advances bill to overhaul air traffic controller training
By Helen Achterberg and Samuel Osei
WASHINGTON (Reuters) - A U.S. Senate committee on Wednesday advanced a bipartisan bill that would double the capacity of the Federal Aviation Administration's training academy and let experienced controllers delay retirement, as lawmakers try to ease a staffing shortage that has forced airlines to trim schedules at some of the country's busiest airports.
The Senate Commerce Committee approved the measure by a vote of 22-6. It now goes to the full Senate, where leaders in both parties have said they want to pass aviation legislation before the summer travel season begins.
"Every air traveler in this country has felt the consequences of this shortage, whether they know it or not," said Senator Margaret Ellison, a Democrat who co-sponsored the bill. "We can't build a controller overnight, but we can stop making it harder than it needs to be."
The FAA has said it needs about 3,000 more fully certified controllers to staff its facilities safely. Training a new controller takes two to three years, and roughly a third of trainees do not complete the programme, according to a report by the Transportation Department's inspector general last year.
An FAA spokesperson said the agency was reviewing the bill and would work with Congress on its implementation. Airline industry groups welcomed the vote and urged the Senate to take it up quickly.
Reporting by Helen Achterberg and Samuel Osei; Editing by Lisa Brandt
""",
        title="Senate panel advances bill to overhaul air traffic controller training",
        subtitle=None,
        dateline=("WASHINGTON", "Washington", "Reuters"),
        authors=("Helen Achterberg", "Samuel Osei"),
        published=None,
        paragraphs=(
            "WASHINGTON (Reuters) - A U.S. Senate committee",
            "The Senate Commerce Committee approved",
            '"Every air traveler in this country',
            "The FAA has said it needs",
            "An FAA spokesperson said the agency",
        ),
        junk=(Junk("Editing by Lisa Brandt"),),
    ),
    Layout(
        id="beirut_colon_dateline_published_pkt",
        page="""\
Lebanon's power utility promises longer supply hours after fuel shipment arrives
Households in Beirut have received as little as two hours of state electricity a day since December
Published: 27 Feb 2022 10:14 PKT
BEIRUT: Lebanon's state electricity company said on Sunday it would increase power supply to as much as eight hours a day in most regions after a tanker carrying 66,000 tonnes of fuel oil docked at the northern port of Tripoli, offering brief relief to households that have relied on expensive private generators for most of the winter.
The energy minister told reporters that the shipment, arranged under a swap agreement with a regional supplier, would keep the country's two largest power plants running for about six weeks. "This is not a solution, it is a breathing space," the minister said. "The real solution is to reform the sector and collect the bills, and that is what we are working on."
Residents of the capital have received as little as two hours of state electricity a day since December, forcing them to pay neighbourhood generator owners for the rest. Generator fees have risen sharply as diesel prices have climbed and the Lebanese pound has continued to lose value, and many families now spend more on electricity than on rent.
International donors have made further support for Lebanon conditional on an overhaul of the electricity sector, which has drained billions of dollars from public finances over three decades and is widely seen as the clearest test of the government's commitment to reform.
"We have heard promises like this every winter," said Rana Haddad, a pharmacist in the Achrafieh district. "If we get eight hours for a month, we will be happy. But nobody here is throwing away their generator subscription."
""",
        title="Lebanon's power utility promises longer supply hours after fuel shipment arrives",
        subtitle=(
            "Households in Beirut have received as little as two hours of state electricity"
            " a day since December"
        ),
        dateline=("BEIRUT", "Beirut", None),
        authors=(),
        published="2022-02-27",
        paragraphs=(
            "BEIRUT: Lebanon's state electricity company",
            "The energy minister told reporters",
            "Residents of the capital have received",
            "International donors have made further support",
            '"We have heard promises like this every winter,"',
        ),
        junk=(Junk("10:14 PKT"),),
    ),
    Layout(
        id="ap_kyiv_date_in_dateline_caps_byline_updated_est",
        page="""\
Ukraine's railway runs extra trains west as families leave the capital
By DMYTRO SAVCHUK, Associated Press
Updated 3:45 PM EST, Sun February 27, 2022
KYIV, Feb 27 (AP) — Ukraine's state railway ran dozens of extra trains westward from the capital on Sunday, packing carriages with women, children and older people as air raid sirens sounded across the city for a third straight day. Station staff said some trains left with more than twice their usual number of passengers.
"We do not check tickets anymore. If there is space, you get on," said a conductor at Kyiv's central station who gave his name only as Andriy. "Our job is to get people out, and then to come back for more."
The railway company said in a statement that it had carried about 120,000 passengers out of Kyiv and other eastern cities since Thursday, and that trains bound for the western city of Lviv and the border with Poland would run free of charge for as long as necessary.
Many of those leaving said they did not know where they would stay. Olha Marchenko, 34, who was travelling with her two sons and a cat in a carrier, said she hoped to reach a cousin near the Polish border. "My husband stayed behind. We said goodbye on the platform," she said. "I told the boys we are going on holiday."
In the city, thousands of residents spent another night in metro stations, which have been opened as shelters. City officials said trains on the metro would not run until further notice so that the stations could remain open to the public around the clock.
""",
        title="Ukraine's railway runs extra trains west as families leave the capital",
        subtitle=None,
        dateline=("KYIV", "Kyiv", "AP"),
        authors=("Dmytro Savchuk",),
        published="2022-02-27",
        paragraphs=(
            "KYIV, Feb 27 (AP) — Ukraine's state railway",
            '"We do not check tickets anymore.',
            "The railway company said in a statement",
            "Many of those leaving said",
            "In the city, thousands of residents",
        ),
        junk=(Junk("3:45 PM EST"), Junk("DMYTRO SAVCHUK")),
    ),
    Layout(
        id="reuters_new_york_pipe_byline_related_without_separator",
        page="""\
Harlow Foods shares slide after snack maker cuts full-year outlook
Caroline Adeyemi | Reuters
NEW YORK, March 3 (Reuters) - Shares of Harlow Foods fell 14% on Friday after the packaged snacks maker cut its full-year sales forecast, saying shoppers squeezed by higher prices were trading down to cheaper store brands and buying fewer multipacks.
The company now expects organic sales to grow between 1% and 2% this year, down from a previous forecast of 4% to 5%. Analysts on average had expected growth of 3.8%, according to data compiled before the announcement.
"We moved on price faster than the consumer was ready for, and we are now paying for that in volume," Chief Executive Gregory Lang said on a call with analysts. He said the company would increase promotions in the second half of the year and slow the launch of premium products.
Harlow's results added to signs that U.S. consumers are becoming more selective after two years of rapid food price inflation. Several large food and beverage companies have reported falling volumes in recent weeks, even as revenue held up thanks to price increases.
Shares of rival snack makers also fell, with the S&P 500 consumer staples index down 1.2% by midday.
Discount grocer to open 150 new stores in push to win back rural shoppers
Grocery inflation eases for third straight month, data shows
Cereal maker agrees $2.1 billion deal for plant-based brand
""",
        title="Harlow Foods shares slide after snack maker cuts full-year outlook",
        subtitle=None,
        dateline=("NEW YORK", "New York", "Reuters"),
        authors=("Caroline Adeyemi",),
        published=ANY,  # "March 3" without a year
        paragraphs=(
            "NEW YORK, March 3 (Reuters) - Shares of Harlow Foods",
            "The company now expects organic sales",
            '"We moved on price faster',
            "Harlow's results added to signs",
            "Shares of rival snack makers also fell",
        ),
        junk=(
            Junk("Discount grocer to open 150 new stores", LINK_LIST),
            Junk("Grocery inflation eases", LINK_LIST),
            Junk("Cereal maker agrees", LINK_LIST),
        ),
    ),
    Layout(
        id="london_navigation_read_more_share_prompts",
        page="""\
Skip to content
Menu
Home | World | Business | Sport
UK | Politics | Science | Health | Education
Heathrow to trial biometric boarding for all departing passengers
LONDON — Heathrow airport will begin a trial next month in which passengers on selected departures can pass through security and board their flight using facial recognition instead of showing a passport and boarding pass, the airport said on Monday.
The trial will run at two gates in Terminal 5 for six months and will be open to passengers aged 18 and over who register their face and travel documents through an app before arriving at the airport. Those who do not want to take part can continue to use the existing checks.
"Our aim is to take the queues out of the airport journey," said the airport's chief operating officer, Natalie Simmons. "Passengers tell us the most stressful part of travelling is the uncertainty at security and at the gate, and this technology can remove a lot of that."
Read more: Airport liquid rules to stay in place this summer
Privacy campaigners said they were concerned about how long images would be stored and who would have access to them. "Once this kind of system becomes routine it is very hard to roll back," said Tom Reddick of the campaign group Open Rights Watch. The airport said images would be deleted within 24 hours of a flight's departure.
The Information Commissioner's Office said it had been consulted on the trial and would monitor how it operated.
Share this article
Share on Facebook
Share on X
Email
""",
        title="Heathrow to trial biometric boarding for all departing passengers",
        subtitle=None,
        dateline=("LONDON", "London", None),
        authors=(),
        published=None,
        paragraphs=(
            "LONDON — Heathrow airport will begin",
            "The trial will run at two gates",
            '"Our aim is to take the queues',
            "Privacy campaigners said",
            "The Information Commissioner's Office said",
        ),
        junk=(
            Junk("Skip to content", _reasons("navigation")),
            Junk("Home | World | Business | Sport", _reasons("navigation")),
            Junk("UK | Politics | Science", _reasons("navigation")),
            Junk("Read more: Airport liquid rules", _reasons("read_more")),
            Junk("Share on Facebook", _reasons("share_prompt")),
            Junk("Share this article", _reasons("share_prompt")),
        ),
    ),
    Layout(
        id="no_dateline_also_read_copyright",
        page="""\
Astronomers spot comet that may become visible to the naked eye in October
A newly discovered comet could brighten enough to be seen without binoculars from the southern hemisphere later this year, astronomers said on Tuesday. The object is still faint, but its orbit will carry it unusually close to the Sun and, briefly, to Earth.
The comet was first picked up in images taken by an automated survey telescope in Chile in early September. Follow-up observations from telescopes in Australia and South Africa allowed astronomers to calculate its orbit, which will bring it within about 60 million kilometres of the Sun in mid-October.
"Comets are notoriously unpredictable, so we are being careful with our forecasts," said Lucia Ferraro, an astronomer who is part of the team tracking the object. "But if it survives its close approach to the Sun, it could put on a very good show."
Also read: Why the night sky is getting brighter, and what it means for stargazers
Comets are made largely of ice and dust, and they brighten as they approach the Sun because the heat turns ice into gas, releasing dust that reflects sunlight and forms a tail. Some break apart under the strain, as happened to several promising comets in recent decades.
Amateur astronomers are being encouraged to report their observations through an online portal run by the survey team. The best views are expected shortly before dawn, low in the eastern sky.
© 2024 Skyline News Network. All rights reserved.
""",
        title="Astronomers spot comet that may become visible to the naked eye in October",
        subtitle=None,
        dateline=None,
        authors=(),
        published=None,
        paragraphs=(
            "A newly discovered comet could brighten",
            "The comet was first picked up",
            '"Comets are notoriously unpredictable,',
            "Comets are made largely of ice",
            "Amateur astronomers are being encouraged",
        ),
        junk=(
            Junk("Also read: Why the night sky", _reasons("read_more")),
            Junk("Skyline News Network", _reasons("copyright")),
        ),
    ),
    Layout(
        id="karachi_dash_separator_trending_lines_ending_in_dash",
        page="""\
Karachi water utility announces new tanker schedule as supply shortfall worsens
Residents of several districts say they have gone without piped water for more than a week
KARACHI: The city's water utility on Monday announced a new schedule for its tanker service, promising that every district would receive at least two deliveries a week while repairs continue on a main pumping line that burst during the weekend.
Officials said the pipeline, which carries water from the Indus to the city's western districts, had been damaged by a power surge at a pumping station. Engineers expect repairs to take at least five days, during which supply to parts of the city will fall by roughly a quarter.
"We understand the anger of the people and we are working day and night," the utility's chief executive told a news conference. "Until the line is restored, tankers will be sent first to hospitals, schools and the areas that have had no water at all."
Residents of Orangi and Baldia said they had been buying water from private tankers at three times the usual price. "We are paying for water we should already be getting through our taps," said Nasreen Bibi, a schoolteacher and mother of four.
The provincial government said it would cap the price charged by private tanker operators until supply returns to normal, and that inspectors would fine operators found overcharging customers.
-
Actor Confirms Engagement In Surprise Social Media Post -
Stock Market Closes Higher As Investors Eye Budget Talks -
Five Foods Doctors Say You Should Eat Every Day -
Cricket Board Names New Head Coach Ahead Of Tour -
Why Gold Prices Keep Climbing This Month""",
        title="Karachi water utility announces new tanker schedule as supply shortfall worsens",
        subtitle=(
            "Residents of several districts say they have gone without piped water for more than a week"
        ),
        dateline=("KARACHI", "Karachi", None),
        authors=(),
        published=None,
        paragraphs=(
            "KARACHI: The city's water utility on Monday",
            "Officials said the pipeline",
            '"We understand the anger of the people',
            "Residents of Orangi and Baldia said",
            "The provincial government said",
        ),
        junk=(
            Junk("-", _reasons("separator"), exact=True),
            Junk("Actor Confirms Engagement", LINK_LIST),
            Junk("Stock Market Closes Higher", LINK_LIST),
            Junk("Five Foods Doctors Say", LINK_LIST),
            Junk("Cricket Board Names", LINK_LIST),
            Junk("Why Gold Prices Keep Climbing", LINK_LIST),
        ),
    ),
    Layout(
        id="blank_line_paragraphs_newsletter_most_read",
        page="""\
Argentine wheat farmers brace for smaller harvest after months without rain

Drought in the Pampas has cut expected yields for a second year in a row

BUENOS AIRES — Argentine farmers expect to harvest about 14 million tonnes of wheat this season, well below the 19 million forecast at planting, after a dry winter and a series of late frosts damaged crops across the country's main growing regions, the Buenos Aires grains exchange said on Thursday.

The exchange said that about a fifth of the area planted with wheat was in poor or very poor condition, with the worst damage in the west of Buenos Aires province and the south of Córdoba, where some fields have received less than half of their normal rainfall since May.

"Some of my neighbours have already decided to cut their wheat for animal feed because it is not worth harvesting," said Martín Echeverría, who farms 600 hectares near Pehuajó. "We are used to bad years, but two in a row is very hard on the small producers."

The smaller harvest is a blow to the government, which relies on farm exports for a large share of the dollars it needs to pay for imports and service its debt. Economists at the exchange estimated that the drought would cut wheat export revenue by about $1.2 billion compared with the initial forecast.

Forecasters said rains expected in the coming weeks would come too late to help most of the wheat but could benefit the soybean and corn crops that farmers are preparing to plant.

Sign up for our newsletter
Get the best of our agriculture coverage in your inbox every Friday.

Most read
Central bank holds rates steady for fourth month
Five things to know before markets open today
Football club fined after fans invade pitch
Tango festival returns with record number of dancers
""",
        title="Argentine wheat farmers brace for smaller harvest after months without rain",
        subtitle="Drought in the Pampas has cut expected yields for a second year in a row",
        dateline=("BUENOS AIRES", "Buenos Aires", None),
        authors=(),
        published=None,
        paragraphs=(
            "BUENOS AIRES — Argentine farmers expect",
            "The exchange said that about a fifth",
            '"Some of my neighbours have already decided',
            "The smaller harvest is a blow",
            "Forecasters said rains expected",
        ),
        junk=(
            Junk("Sign up for our newsletter", _reasons("newsletter")),
            Junk("in your inbox every Friday"),
            Junk("Most read"),
            Junk("Central bank holds rates steady", LINK_LIST),
            Junk("Football club fined", LINK_LIST),
            Junk("Tango festival returns", LINK_LIST),
        ),
    ),
    Layout(
        id="clean_page_without_any_junk",
        page="""\
Quebec maple syrup producers release reserve barrels after record demand
MONTREAL — Quebec's maple syrup producers said on Wednesday they would release about 20 million pounds of syrup from their strategic reserve to meet record demand from food manufacturers and export markets, the largest release since the reserve was created more than two decades ago.
The reserve, stored in barrels in a warehouse east of Montreal, is designed to smooth out supply between good and bad harvests. This spring's harvest was shortened by an unusually warm March, which caused sap to stop flowing earlier than usual in many sugar bushes across the province.
"The reserve exists for exactly this kind of year," said Hélène Dufresne, a spokesperson for the producers' federation. "Our customers need to know that Quebec will always have syrup to sell, and this is how we make sure of it."
Producers said they planned to tap more trees next year to rebuild the reserve. The federation has issued permits for several million additional taps, mostly on public land in the Bas-Saint-Laurent and Beauce regions.
""",
        title="Quebec maple syrup producers release reserve barrels after record demand",
        subtitle=None,
        dateline=("MONTREAL", "Montreal", None),
        authors=(),
        published=None,
        paragraphs=(
            "MONTREAL — Quebec's maple syrup producers",
            "The reserve, stored in barrels",
            '"The reserve exists for exactly this kind of year,"',
            "Producers said they planned",
        ),
        no_boilerplate=True,
    ),
    Layout(
        id="very_short_two_paragraph_article",
        page="""\
Swiss voters approve extra month of pension payments
GENEVA (Reuters) - Swiss voters on Sunday approved a proposal to give pensioners a 13th monthly payment each year, official results showed, a rare victory for a left-leaning initiative in a country that usually rejects increases in public spending.
The measure passed with 58% of the vote and a majority of cantons, as required for changes to the constitution. The government, which had opposed the plan, said it would now propose how to finance it.
""",
        title="Swiss voters approve extra month of pension payments",
        subtitle=None,
        dateline=("GENEVA", "Geneva", "Reuters"),
        authors=(),
        published=None,
        paragraphs=(
            "GENEVA (Reuters) - Swiss voters on Sunday",
            "The measure passed with 58% of the vote",
        ),
        no_boilerplate=True,
    ),
    Layout(
        id="subheading_and_one_sentence_paragraph_kept_in_body",
        page="""\
Ferry operator ordered to compensate passengers stranded by Christmas cancellations
By Ingrid Solberg
BERGEN — A Norwegian consumer tribunal on Thursday ordered ferry operator Nordvik Ferries to pay compensation to more than 1,400 passengers whose sailings were cancelled at short notice over the Christmas holiday, ruling that the company had failed to show the cancellations were caused by bad weather.
"Weather is a legitimate reason to cancel a sailing, but the burden is on the company to show that the weather actually prevented it," the tribunal wrote in its decision. "In this case the company's own logs show that other vessels operated on the same route on the same days."
Passengers will receive between 1,200 and 4,500 crowns each, depending on the length of their delay and whether they had to pay for hotels. Consumer groups said the ruling was one of the largest collective awards of its kind in Norway.
What passengers should do next
Passengers who were on the cancelled sailings do not need to file a new claim, the tribunal said. The company must contact them within 60 days and pay compensation within 90 days of the ruling. Those who booked through a travel agent should contact the agent first.
Nordvik Ferries said in a short statement that it was studying the ruling and would decide within four weeks whether to appeal. Its chief executive, Erik Haugland, was asked by reporters outside the company's offices whether passengers would be paid before the summer season.
He declined to comment.
""",
        title="Ferry operator ordered to compensate passengers stranded by Christmas cancellations",
        subtitle=None,
        dateline=("BERGEN", "Bergen", None),
        authors=("Ingrid Solberg",),
        published=None,
        paragraphs=(
            "BERGEN — A Norwegian consumer tribunal",
            '"Weather is a legitimate reason',
            "Passengers will receive between",
            "What passengers should do next",
            "Passengers who were on the cancelled sailings",
            "Nordvik Ferries said in a short statement",
            "He declined to comment.",
        ),
        no_boilerplate=True,
    ),
    Layout(
        id="crlf_line_endings_tags_and_copyright_footer",
        page=(
            "South Korea offers cheap housing loans to couples with newborns\r\n"
            "The government hopes the scheme will help reverse the world's lowest birth rate\r\n"
            "SEOUL — South Korea will offer couples who have a baby this year mortgage loans at"
            " interest rates as low as 1.6%, the land ministry said on Tuesday, the latest in a"
            " series of measures aimed at reversing a birth rate that has fallen to the lowest"
            " level in the world.\r\n"
            "Couples with a combined income of up to 130 million won a year will be eligible for"
            " the loans, which can be used to buy homes worth up to 900 million won. Families who"
            " have a second child while repaying the loan will see their interest rate cut"
            " further.\r\n"
            '"Young people tell us again and again that the cost of housing is the biggest'
            ' reason they put off having children," a ministry official told reporters in Sejong.'
            ' "We want to remove that reason, or at least make it smaller."\r\n'
            "South Korea's fertility rate, the average number of children a woman is expected to"
            " have in her lifetime, fell to 0.72 last year. Demographers warn that without a"
            " turnaround, the population could shrink by more than a third by the end of the"
            " century, putting pressure on pensions and the labour market.\r\n"
            "Critics said the loans would mostly benefit couples who were already planning to buy"
            " a home and would do little for those who could not afford one at all.\r\n"
            "Tags: South Korea, birth rate, housing, family policy\r\n"
            "© 2024 Harbour Light Media Group. All rights reserved.\r\n"
        ),
        title="South Korea offers cheap housing loans to couples with newborns",
        subtitle=("The government hopes the scheme will help reverse the world's lowest birth rate"),
        dateline=("SEOUL", "Seoul", None),
        authors=(),
        published=None,
        paragraphs=(
            "SEOUL — South Korea will offer couples",
            "Couples with a combined income",
            '"Young people tell us again and again',
            "South Korea's fertility rate",
            "Critics said the loans would mostly benefit",
        ),
        junk=(
            Junk("Tags: South Korea", _reasons("tags")),
            Junk("Harbour Light Media Group", _reasons("copyright")),
        ),
    ),
    Layout(
        id="ap_mexico_city_related_list_after_separator",
        page="""\
Mexico City rations water as reservoirs fall to record lows
By MARÍA TORRES, Associated Press
MEXICO CITY (AP) — Mexico City authorities said on Monday they would cut water pressure across a dozen boroughs at night and extend rationing to hundreds of thousands more homes, as the reservoirs that supply the capital fell to their lowest level for this time of year in records going back three decades.
The Cutzamala system, a network of dams and pumping stations that provides about a quarter of the city's water, was at 36% of capacity, the national water commission said. Officials blamed a lack of rain in the past two wet seasons and high temperatures that have increased evaporation.
"Nobody is going to be left without water, but everybody is going to have to use less of it," the city's water chief said at a news conference. He said tanker trucks would be sent free of charge to neighborhoods where taps ran dry for more than 24 hours.
Residents of Iztapalapa, one of the city's most populous boroughs, said they were already used to going days without running water. "We fill buckets when the water comes, at whatever hour it comes," said Rosa Jiménez, who runs a small grocery store. "Sometimes that is three in the morning."
Experts say the city's problems go beyond the drought. Leaks in an aging pipe network lose an estimated 40% of the water before it reaches homes, and the over-pumping of aquifers has caused parts of the city to sink by up to 50 centimeters a year.
———
Related coverage
Drought forces farmers in northern Mexico to leave fields unplanted
How one neighborhood is harvesting rainwater from its rooftops
Heat wave breaks temperature records across central Mexico
""",
        title="Mexico City rations water as reservoirs fall to record lows",
        subtitle=None,
        dateline=("MEXICO CITY", "Mexico City", "AP"),
        authors=("María Torres",),
        published=None,
        paragraphs=(
            "MEXICO CITY (AP) — Mexico City authorities",
            "The Cutzamala system, a network of dams",
            '"Nobody is going to be left without water,',
            "Residents of Iztapalapa",
            "Experts say the city's problems",
        ),
        junk=(
            Junk("———", _reasons("separator"), exact=True),
            Junk("Related coverage"),
            Junk("Drought forces farmers in northern Mexico", LINK_LIST),
            Junk("harvesting rainwater from its rooftops", LINK_LIST),
            Junk("Heat wave breaks temperature records", LINK_LIST),
        ),
    ),
    Layout(
        id="nairobi_advertisement_inside_body_comments_after",
        page="""\
Kenya's mobile money users can now pay bills across borders in East Africa
NAIROBI (Reuters) - Customers of Kenya's largest mobile money services will be able to send money and pay bills in Uganda, Tanzania and Rwanda directly from their phones from next month, under an agreement between regional central banks announced on Wednesday.
The arrangement links the national payment switches of the four countries, so that a shopkeeper in Kampala can be paid from a phone in Nairobi without either party opening a foreign account. Fees will be capped at 1% of the amount sent for transfers under $500.
Advertisement
"For a trader in a border town, this removes a cost that has been eating into margins for years," said Wanjiru Kamau, who heads the Kenya Association of Cross-Border Traders. "People used to carry cash across the border, and that was dangerous and slow."
Central bank officials said the system had been tested for six months with a group of banks and mobile operators. They said anti-money-laundering checks would apply in the same way as for domestic payments, and that transfers above a set threshold would require additional verification.
Analysts said the deal could also put pressure on international money transfer companies, which have long charged high fees on small transfers within the region.
Comments (14)
Join the conversation: sign in to post a comment
""",
        title="Kenya's mobile money users can now pay bills across borders in East Africa",
        subtitle=None,
        dateline=("NAIROBI", "Nairobi", "Reuters"),
        authors=(),
        published=None,
        paragraphs=(
            "NAIROBI (Reuters) - Customers of Kenya's",
            "The arrangement links the national payment switches",
            '"For a trader in a border town,',
            "Central bank officials said the system",
            "Analysts said the deal could also",
        ),
        junk=(
            Junk("Advertisement", _reasons("advertisement"), exact=True),
            Junk("Comments (14)", _reasons("comments")),
            Junk("Join the conversation"),
        ),
    ),
    Layout(
        id="byline_then_published_then_star_separator_footer",
        page="""\
Dutch court halts expansion of regional airport over nitrogen emissions
By Pieter de Graaf and Anouk Visser
Published: 14 Nov 2023 16:05 CET
THE HAGUE — A Dutch court on Tuesday blocked the planned expansion of a regional airport in the south of the country, ruling that the government had not shown that extra flights would not harm nearby nature reserves already damaged by nitrogen pollution.
The ruling is the latest in a string of court decisions that have held up construction, farming and infrastructure projects in the Netherlands since judges found in 2019 that the government's system for allowing nitrogen emissions broke European nature protection rules.
"The state cannot grant permission on the assumption that the problem will be solved later," the court said in its ruling. "It must show now that the protected areas will not be made worse."
The airport's operator said it was disappointed and would study the ruling before deciding whether to appeal. Environmental groups that brought the case said it sent a clear message to the government.
***
Contact the newsroom: tips@lowlandsdaily.example
""",
        title="Dutch court halts expansion of regional airport over nitrogen emissions",
        subtitle=None,
        dateline=("THE HAGUE", "The Hague", None),
        authors=("Pieter de Graaf", "Anouk Visser"),
        published="2023-11-14",
        paragraphs=(
            "THE HAGUE — A Dutch court on Tuesday",
            "The ruling is the latest",
            '"The state cannot grant permission',
            "The airport's operator said",
        ),
        junk=(
            Junk("***", _reasons("separator"), exact=True),
            Junk("Contact the newsroom"),
            Junk("16:05 CET"),
        ),
    ),
]

ALL_JUNK_PAGE = """\
Skip to content
Home | News | Sport | Business | Entertainment | Opinion
Latest
Trending now
Prices at the pump fall for second week running
Local council approves new bike lanes downtown
Celebrity chef opens restaurant in old railway station
Weekend weather: sunshine and showers expected
Five gadgets worth buying this spring
About us | Contact | Advertise | Privacy policy
© 2024 Metro Online Ltd. All rights reserved.
"""


def _ids(cases: list[Layout]) -> list[str]:
    return [c.id for c in cases]


@pytest.fixture(scope="module", params=CASES, ids=_ids(CASES))
def reading(request: pytest.FixtureRequest) -> tuple[Layout, Any]:
    case: Layout = request.param
    return case, analyze(case.page)


def _spans(rec: Any) -> list[tuple[str, Any]]:
    """Every span-bearing field of a record, labelled for error messages."""
    out: list[tuple[str, Any]] = []
    for name in ("title", "subtitle", "dateline"):
        value = getattr(rec, name)
        if value is not None:
            out.append((name, value))
    out += [(f"paragraphs[{i}]", p) for i, p in enumerate(rec.paragraphs)]
    out += [(f"boilerplate[{i}]", b) for i, b in enumerate(rec.boilerplate)]
    out += [(f"authors[{i}]", a) for i, a in enumerate(rec.authors) if hasattr(a, "start")]
    if rec.published is not None and getattr(rec.published, "span", None) is not None:
        out.append(("published.span", rec.published.span))
    return out


# --- invariants ------------------------------------------------------------------------------


def test_extract_text_layouts_keep_page_text_exactly(reading: tuple[Layout, Any]) -> None:
    case, rec = reading
    assert rec.text == case.page


def test_extract_text_layouts_spans_match_offsets(reading: tuple[Layout, Any]) -> None:
    _, rec = reading
    for label, span in _spans(rec):
        assert 0 <= span.start <= span.end <= len(rec.text), label
        assert rec.text[span.start : span.end] == span.text, label


def test_extract_text_layouts_paragraphs_are_ordered_trimmed_and_disjoint(
    reading: tuple[Layout, Any],
) -> None:
    _, rec = reading
    paras = rec.paragraphs
    for p in paras:
        assert p.text and p.text == p.text.strip(), repr(p.text[:60])
        assert "\r" not in p.text and "\n" not in p.text
    for a, b in itertools.pairwise(paras):
        assert a.end <= b.start
    for b in rec.boilerplate:
        for p in paras:
            assert b.end <= p.start or p.end <= b.start, (b.text, p.text[:60])
    assert rec.body == "\n\n".join(p.text for p in paras)


# --- the reading of each layout --------------------------------------------------------------


def test_extract_text_layouts_title_and_subtitle(reading: tuple[Layout, Any]) -> None:
    case, rec = reading
    assert rec.title is not None
    assert rec.title.text == case.title
    if case.subtitle is None:
        assert rec.subtitle is None
    else:
        assert rec.subtitle is not None
        assert rec.subtitle.text == case.subtitle


def test_extract_text_layouts_paragraphs(reading: tuple[Layout, Any]) -> None:
    case, rec = reading
    got = [p.text for p in rec.paragraphs]
    assert len(got) == len(case.paragraphs), [g[:50] for g in got]
    for text, opening in zip(got, case.paragraphs, strict=True):
        assert text.startswith(opening), (opening, text[:80])
    assert case.title not in rec.body
    if case.subtitle:
        assert case.subtitle not in rec.body


def test_extract_text_layouts_dateline(reading: tuple[Layout, Any]) -> None:
    case, rec = reading
    if case.dateline is None:
        assert rec.dateline is None
        return
    text, name, agency = case.dateline
    d = rec.dateline
    assert d is not None
    assert (d.text, d.name, d.agency) == (text, name, agency)
    first = rec.paragraphs[0]
    assert first.start <= d.start and d.end <= first.end, "dateline lies in the first paragraph"


def test_extract_text_layouts_authors(reading: tuple[Layout, Any]) -> None:
    case, rec = reading
    if case.authors is ANY:
        pytest.skip("authors not determinable")
    assert [a.name for a in rec.authors] == list(case.authors)


def test_extract_text_layouts_published(reading: tuple[Layout, Any]) -> None:
    case, rec = reading
    if case.published is ANY:
        pytest.skip("publication date not determinable")
    if case.published is None:
        assert rec.published is None
        return
    assert rec.published is not None
    assert rec.published.value[:10] == case.published
    assert rec.published.found_by == "text"


def test_extract_text_layouts_boilerplate(reading: tuple[Layout, Any]) -> None:
    case, rec = reading
    if case.no_boilerplate:
        assert [b.text for b in rec.boilerplate] == []
    for junk in case.junk:
        if not junk.exact:
            assert junk.fragment not in rec.body, junk.fragment
        if junk.reasons is None:
            continue
        if junk.exact:
            hits = [b for b in rec.boilerplate if b.text.strip() == junk.fragment]
        else:
            hits = [b for b in rec.boilerplate if junk.fragment in b.text]
        assert hits, f"no boilerplate span for {junk.fragment!r}"
        assert any(str(b.reason) in junk.reasons for b in hits), (
            junk.fragment,
            [str(b.reason) for b in hits],
        )


def test_extract_text_layouts_exact_separators_not_in_body(reading: tuple[Layout, Any]) -> None:
    case, rec = reading
    for junk in case.junk:
        if junk.exact:
            assert junk.fragment not in [p.text.strip() for p in rec.paragraphs]


# --- pages without an article ----------------------------------------------------------------


def test_extract_text_layouts_all_junk_page_raises() -> None:
    with pytest.raises(NoArticleFound):
        analyze(ALL_JUNK_PAGE)


def test_extract_text_layouts_no_article_is_a_newsmill_error() -> None:
    assert issubclass(NoArticleFound, newsmill.NewsmillError)


# --- the seed page ---------------------------------------------------------------------------

SEED = Path(__file__).resolve().parents[2] / "shared/seeds/000_374c5f7e729789ee.txt"


@pytest.fixture(scope="module")
def seed() -> tuple[str, Any]:
    if not SEED.exists():
        pytest.skip(f"seed page not available at {SEED}")
    page = SEED.read_text(encoding="utf-8")
    return page, analyze(page)


def _line_bounds(page: str) -> list[tuple[int, int]]:
    bounds, pos = [], 0
    for line in page.split("\n"):
        bounds.append((pos, pos + len(line)))
        pos += len(line) + 1
    return bounds


def test_extract_text_layouts_seed_title_subtitle_dateline(seed: tuple[str, Any]) -> None:
    page, rec = seed
    lines = page.split("\n")
    assert rec.text == page
    assert rec.title.text == lines[0]
    assert rec.subtitle is not None and rec.subtitle.text == lines[1]
    d = rec.dateline
    assert d is not None and d.text == "ISLAMABAD"
    start, end = _line_bounds(page)[2]
    assert start <= d.start and d.end <= end
    assert page[d.start : d.end] == "ISLAMABAD"


def test_extract_text_layouts_seed_paragraphs(seed: tuple[str, Any]) -> None:
    page, rec = seed
    lines = page.split("\n")
    assert [p.text for p in rec.paragraphs] == lines[2:10]
    assert rec.body == "\n\n".join(lines[2:10])
    for junk in ("Super Bowl", "Meghan", "Taylor Swift", "Epstein"):
        assert junk not in rec.body


def test_extract_text_layouts_seed_boilerplate(seed: tuple[str, Any]) -> None:
    page, rec = seed
    lines = page.split("\n")
    bounds = _line_bounds(page)
    assert lines[10] == "-"
    headlines = range(11, 27)
    assert len(headlines) == 16 == len(lines) - 11
    for label, span in _spans(rec):
        assert page[span.start : span.end] == span.text, label

    sep_start, sep_end = bounds[10]
    seps = [b for b in rec.boilerplate if b.start <= sep_start and sep_end <= b.end]
    assert any(str(b.reason) == "separator" for b in seps), [(b.text, str(b.reason)) for b in seps]

    for i in headlines:
        start, end = bounds[i]
        covering = [b for b in rec.boilerplate if b.start <= start and end <= b.end]
        assert covering, f"headline line {i + 1} is not boilerplate: {lines[i]!r}"
        assert any(str(b.reason) in LINK_LIST for b in covering), (
            lines[i],
            [str(b.reason) for b in covering],
        )

    # nothing else on the page is boilerplate
    tail_start = bounds[10][0]
    for b in rec.boilerplate:
        assert b.start >= tail_start, b.text

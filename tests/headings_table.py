"""Labelled listing headings: what ``parse_heading`` must return for each.

Seeds 000-002 (BMJ Leader) and the spec's examples come first; the rest are
headings in the same style written to exercise every rule and its near misses.
``title=None`` means the title is the whole heading.
"""

from __future__ import annotations

from typing import NamedTuple


class Row(NamedTuple):
    heading: str
    title: str
    series: str | None
    series_part: int | None
    authors: tuple[str, ...]
    authors_more: bool
    kind: str
    subject: str | None
    known_series: tuple[str, ...]


def row(
    heading: str,
    title: str | None = None,
    *authors: str,
    series: str | None = None,
    part: int | None = None,
    more: bool = False,
    kind: str = "article",
    subject: str | None = None,
    known: tuple[str, ...] = (),
) -> Row:
    return Row(
        heading, heading if title is None else title, series, part, authors, more, kind, subject,
        known,
    )  # fmt: skip


NHS_FELLOWS = "NHS Regional Clinical Leadership Fellow Blog Series"
GREENER = "Greener Leader Blog Series"

SEED_ROWS = [
    # seed 000
    row(
        f"{NHS_FELLOWS}: “Carrying the torch of nursing leadership” by Nursing Regional "
        "Clinical Leadership Fellows",
        "Carrying the torch of nursing leadership",
        "Nursing Regional Clinical Leadership Fellows",
        series=NHS_FELLOWS,
    ),
    row(
        f"{NHS_FELLOWS}: “A meaningful moment for midwifery leadership” by Midwives Regional "
        "Clinical Leadership Fellows",
        "A meaningful moment for midwifery leadership",
        "Midwives Regional Clinical Leadership Fellows",
        series=NHS_FELLOWS,
    ),
    row(
        f"{NHS_FELLOWS}: “Being the change we want to see in AHP leadership” by AHP Regional "
        "Clinical Leadership Fellows",
        "Being the change we want to see in AHP leadership",
        "AHP Regional Clinical Leadership Fellows",
        series=NHS_FELLOWS,
    ),
    row(
        f"Introducing the {NHS_FELLOWS} by Rammina Yassaie",
        f"Introducing the {NHS_FELLOWS}",
        "Rammina Yassaie",
        series=NHS_FELLOWS,
        kind="series-intro",
    ),
    row("‘Magical Meander’: Service Growth", "Service Growth", series="Magical Meander"),
    row(
        "“The cobbler’s children have no shoes” by Emma Hadley and Partha Kar",
        "The cobbler’s children have no shoes",
        "Emma Hadley",
        "Partha Kar",
    ),
    row("‘Magical Meander’: Breaking bad news", "Breaking bad news", series="Magical Meander"),
    row(
        "Creating tomorrow today: seven simple rules for leaders. Blog five: Support people to "
        "build their agency at every level of the system by Helen Bevan and Göran Henriks",
        "Support people to build their agency at every level of the system",
        "Helen Bevan",
        "Göran Henriks",
        series="Creating tomorrow today: seven simple rules for leaders",
        part=5,
    ),
    row(
        "Interviews: Asking the wrong questions by Roger Kline",
        "Interviews: Asking the wrong questions",
        "Roger Kline",
    ),
    # seed 001
    row(
        "Blog 2: We need to talk about professionalism: When am I going to meet the surgeon? "
        "By Jo Hartland, Mx Karen Chui and Xander Stephenson-Allen",
        "When am I going to meet the surgeon?",
        "Jo Hartland",
        "Karen Chui",
        "Xander Stephenson-Allen",
        series="We need to talk about professionalism",
        part=2,
    ),
    row(
        "Pharmacy Leadership in Medicines Equity. By Anisha Soni",
        "Pharmacy Leadership in Medicines Equity",
        "Anisha Soni",
    ),
    row(
        "The storm, the sea, and why healthcare isn’t about the NHS at all. By Rich Taunt",
        "The storm, the sea, and why healthcare isn’t about the NHS at all",
        "Rich Taunt",
    ),
    row("In conversation with Dr. Jan Frich", kind="interview", subject="Jan Frich"),
    row(
        "When it’s time to go, is there anywhere for me to go? By Sue Holden",
        "When it’s time to go, is there anywhere for me to go?",
        "Sue Holden",
    ),
    row(
        f"{GREENER}: Leadership on the climate emergency must extend beyond NHS sustainability",
        "Leadership on the climate emergency must extend beyond NHS sustainability",
        series=GREENER,
    ),
    row("Introducing the “Greener Leader” Blog Series", series=GREENER, kind="series-intro"),
    row(
        "Leadership in Crisis Management: Lessons from Emergency Medicine in the initial wave of "
        "the Covid-19 pandemic by Yongtian Tina Tan",
        "Leadership in Crisis Management: Lessons from Emergency Medicine in the initial wave of "
        "the Covid-19 pandemic",
        "Yongtian Tina Tan",
    ),
    row(
        "No more silos–our survival and success depend on collaborative leadership and "
        "development, and we can’t start too soon. By Emma Challans-Rasool and Charlotte Williams",
        "No more silos–our survival and success depend on collaborative leadership and "
        "development, and we can’t start too soon",
        "Emma Challans-Rasool",
        "Charlotte Williams",
    ),
    row(
        "Moving away from branded organisational values: why we need a disease-model for "
        "organisational culture by Ali Raza",
        "Moving away from branded organisational values: why we need a disease-model for "
        "organisational culture",
        "Ali Raza",
    ),
    # seed 002
    row(
        "Until tackling health inequalities becomes business as usual, innovation is our best "
        "chance of equity. By Dr. Stuart Monk",
        "Until tackling health inequalities becomes business as usual, innovation is our best "
        "chance of equity",
        "Stuart Monk",
    ),
    row(
        "(P)luck: Lessons We Learned for Improving Healthcare and the World – Book Review by "
        "Yang Chen",
        "(P)luck: Lessons We Learned for Improving Healthcare and the World",
        "Yang Chen",
        kind="book-review",
    ),
    row("In conversation with Rachael Moses", kind="interview", subject="Rachael Moses"),
    row(
        "Oxford Handbook of Medical Leadership and Management – Book Review by Dr Rammina Yassaie",
        "Oxford Handbook of Medical Leadership and Management",
        "Rammina Yassaie",
        kind="book-review",
    ),
    row(
        "Pieces of Us – Complexity and Leadership. By Jem Peel and Rob Sheffield",
        "Pieces of Us – Complexity and Leadership",
        "Jem Peel",
        "Rob Sheffield",
    ),
    row(
        "Lucy Letby: Shuffling deckchairs will not work. By Roger Kline",
        "Lucy Letby: Shuffling deckchairs will not work",
        "Roger Kline",
    ),
    row(
        "Leading Change in Health and Social Care: Building Relationships, Diversity and Action. "
        "By Corrina Grimes",
        "Leading Change in Health and Social Care: Building Relationships, Diversity and Action",
        "Corrina Grimes",
    ),
    row(
        f"{GREENER}: Being a greener leader in maternity care : making one small sustainable "
        "change is all it takes. By Angie Willis",
        "Being a greener leader in maternity care : making one small sustainable change is all "
        "it takes",
        "Angie Willis",
        series=GREENER,
    ),
]

BY_IN_TITLE_ROWS = [
    row("Driven by data: how analytics is reshaping elective recovery"),
    row("Led by example: what junior doctors taught me about courage"),
    row("Leadership by the numbers"),
    row("Trial by fire: leading an emergency department through the first wave"),
    row("Death by a thousand cuts: the slow erosion of clinical time"),
    row("Net zero by 2030? The NHS estate and the carbon challenge"),
    row("Inclusive by design: building services around patients"),
    row("Improvement by Design"),
    row("Leadership by Walking Around"),
    row("Leadership by Committee"),
    row("Management by Objectives Revisited"),
    row("Care by Video Call: Lessons from Lockdown"),
    row("Driven by Purpose"),
    row("Death by PowerPoint"),
    row("Step by step towards a just culture"),
    row("Inspired by Florence Nightingale: nursing leadership today"),
    row("Nurses inspired by Mary Seacole"),
    row("A service shaped by Patient Voices"),
    row(
        "Driven by data, led by values by Priya Shah", "Driven by data, led by values", "Priya Shah"
    ),
    row(
        "Learning by doing: quality improvement in primary care. By Tom Fletcher",
        "Learning by doing: quality improvement in primary care",
        "Tom Fletcher",
    ),
    row(
        "Side by side: clinicians and managers leading together by Hannah Okafor and Liam O'Neill",
        "Side by side: clinicians and managers leading together",
        "Hannah Okafor",
        "Liam O'Neill",
    ),
]

DASH_AND_PIPE_ROWS = [
    row(
        "Dementia is a challenge to the entire planet – Professor Alistair Burns",
        "Dementia is a challenge to the entire planet",
        "Alistair Burns",
    ),
    row(
        "We must embrace the challenge… | Niall Dickson",
        "We must embrace the challenge…",
        "Niall Dickson",
    ),
    row("The nurse will see you now | Ruth May", "The nurse will see you now", "Ruth May"),
    row(
        "Ten years of the Health Foundation | Jennifer Dixon",
        "Ten years of the Health Foundation",
        "Jennifer Dixon",
    ),
    row(
        "Primary care at a crossroads | Ruth Rankine",
        "Primary care at a crossroads",
        "Ruth Rankine",
    ),
    row(
        "Why the NHS needs more clinical leaders – Dr Sarah Jones",
        "Why the NHS needs more clinical leaders",
        "Sarah Jones",
    ),
    row("Compassion in practice - Jane Cummings", "Compassion in practice", "Jane Cummings"),
    row(
        "Making the case for integrated care — Sir David Dalton",
        "Making the case for integrated care",
        "David Dalton",
    ),
    row(
        "Why boards need to talk about race – Yvonne Coghill CBE",
        "Why boards need to talk about race",
        "Yvonne Coghill",
    ),
    row(
        "Empowering nurse leaders – Professor Greta Westwood",
        "Empowering nurse leaders",
        "Greta Westwood",
    ),
    row("Pieces of Us – Complexity and Leadership"),
    row("The NHS at 75 – Looking Back, Looking Forward"),
    row("Winter pressures – Emergency Department Lessons"),
    row("Integrated care systems – One Year On"),
    row("Clinical leadership – A Personal Reflection"),
    row("Leadership lessons from lockdown | The King's Fund"),
    row("Social prescribing – Hope for the Future"),
    row("Winter is coming – Are We Ready?"),
    row("Test and trace - Lessons Learned"),
    row("The NHS Long Term Plan – Five Years On"),
    row("Black Lives Matter – Leadership Response"),
    row("Mental health - Mind Matters"),
    row("Clinical leadership fellows - what next?"),
    row("Bullying in healthcare – Time to Act"),
    row("Greener NHS – Net Zero Explained"),
    row("A Day in the Life – Clinical Director"),
    row("What I wish I’d known – Advice for New Consultants"),
    row("“Nothing about us without us” – co-production in mental health"),
]

KIND_ROWS = [
    row(
        "Book review: ‘Team of Teams’. By Laura Bishop",
        "Team of Teams",
        "Laura Bishop",
        kind="book-review",
    ),
    row(
        "The Fearless Organization - Book review by Kate Mills",
        "The Fearless Organization",
        "Kate Mills",
        kind="book-review",
    ),
    row("Humankind (Book Review) by Sam Patel", "Humankind", "Sam Patel", kind="book-review"),
    row(
        "Why We Sleep: a book review by Omar Farouk",
        "Why We Sleep",
        "Omar Farouk",
        kind="book-review",
    ),
    row(
        "Book review of ‘Leadership and the art of struggle’ by Helen Dawes",
        "Leadership and the art of struggle",
        "Helen Dawes",
        kind="book-review",
    ),
    row(
        f"{GREENER}: Book review – The Climate Book by Jo Hart",
        "The Climate Book",
        "Jo Hart",
        series=GREENER,
        kind="book-review",
    ),
    row("In Conversation With Professor Dame Jane Dacre", kind="interview", subject="Jane Dacre"),
    row(
        "In conversation with Sir Robert Francis: ten years after Mid Staffs",
        kind="interview",
        subject="Robert Francis",
    ),
    row(
        "In conversation with Helen Bevan and Göran Henriks",
        kind="interview",
        subject="Helen Bevan and Göran Henriks",
    ),
    row(
        "In conversation with Dr Chaand Nagpaul by Domhnall MacAuley",
        "In conversation with Dr Chaand Nagpaul",
        "Domhnall MacAuley",
        kind="interview",
        subject="Chaand Nagpaul",
    ),
    row(
        "Interview with Prerana Issar, NHS Chief People Officer",
        kind="interview",
        subject="Prerana Issar",
    ),
    row(
        "In conversation with the Chief Nursing Officer",
        kind="interview",
        subject="the Chief Nursing Officer",
    ),
    row(
        "Introducing the Greener Leader series", series="Greener Leader series", kind="series-intro"
    ),
    row(
        "Introducing our new blog series: Leading Through Uncertainty",
        series="Leading Through Uncertainty",
        kind="series-intro",
    ),
    row(
        "Introducing ‘Voices from the Frontline’: a new blog series",
        series="Voices from the Frontline",
        kind="series-intro",
    ),
    row(
        "Welcome to the Women in Leadership Blog Series by Farah Khan",
        "Welcome to the Women in Leadership Blog Series",
        "Farah Khan",
        series="Women in Leadership Blog Series",
        kind="series-intro",
    ),
    row("Introducing Jane Smith, our new series editor"),
]

SERIES_ROWS = [
    row(
        "Greener Leader Blog series: Theatre waste and the anaesthetic footprint by Ian Cole",
        "Theatre waste and the anaesthetic footprint",
        "Ian Cole",
        series="Greener Leader Blog series",
    ),
    row(
        "Greener Leader Blog series: Theatre waste and the anaesthetic footprint by Ian Cole",
        "Theatre waste and the anaesthetic footprint",
        "Ian Cole",
        series=GREENER,
        known=(GREENER,),
    ),
    row(
        "Greener Leader Blog Series : Green social prescribing. By Ruth Hall",
        "Green social prescribing",
        "Ruth Hall",
        series=GREENER,
    ),
    row(
        "“Lessons from the Pandemic”: What We Got Right",
        "What We Got Right",
        series="Lessons from the Pandemic",
    ),
    row(
        "Covid-19: reflections from the ICU by Ana Costa",
        "Covid-19: reflections from the ICU",
        "Ana Costa",
    ),
    row(
        "Leadership in Crisis Management: Lessons from Emergency Medicine by Yongtian Tina Tan",
        "Lessons from Emergency Medicine",
        "Yongtian Tina Tan",
        series="Leadership in Crisis Management",
        known=("Leadership in Crisis Management",),
    ),
    row(
        "Magical Meander – Winter reflections",
        "Winter reflections",
        series="Magical Meander",
        known=("‘Magical Meander’",),
    ),
    row(
        "Compassionate leadership: a primer",
        "a primer",
        series="Compassionate leadership",
        known=("compassionate  LEADERSHIP", "Compassionate leadership"),
    ),
    row(
        "Creating tomorrow today: seven simple rules for leaders: Blog one: Start from where "
        "you are",
        "Start from where you are",
        series="Creating tomorrow today: seven simple rules for leaders",
        part=1,
    ),
    row(
        "Future NHS Leaders Series: Why curiosity matters. By Ade Bello",
        "Why curiosity matters",
        "Ade Bello",
        series="Future NHS Leaders Series",
    ),
    row(
        "“We are the NHS”: People Plan 2020/21 by Prerana Issar",
        "People Plan 2020/21",
        "Prerana Issar",
        series="We are the NHS",
    ),
    row(
        "From ward to board: a nurse’s journey by Ruth Harris",
        "From ward to board: a nurse’s journey",
        "Ruth Harris",
    ),
    row(
        "Anti-racism in the NHS: from words to action by Habib Naqvi",
        "Anti-racism in the NHS: from words to action",
        "Habib Naqvi",
    ),
]

PART_ROWS = [
    row(
        "Part III: Psychological safety in the operating theatre by Nadia Rahman",
        "Psychological safety in the operating theatre",
        "Nadia Rahman",
        part=3,
    ),
    row(
        "Leading through uncertainty, Part two: Making decisions with incomplete data",
        "Making decisions with incomplete data",
        series="Leading through uncertainty",
        part=2,
    ),
    row("Why kindness matters (part 2)", "Why kindness matters", part=2),
    row(
        "Part 3 – Building a coaching culture. By Grace Lee",
        "Building a coaching culture",
        "Grace Lee",
        part=3,
    ),
    row(
        "Civility Saves Lives. Blog 4: Rudeness and its costs by Chris Turner",
        "Rudeness and its costs",
        "Chris Turner",
        series="Civility Saves Lives",
        part=4,
    ),
    row(
        f"{GREENER}, Blog 3: Anaesthetic gases and the climate",
        "Anaesthetic gases and the climate",
        series=GREENER,
        part=3,
    ),
    row("The Messy Middle – Part IV – Letting go", "Letting go", series="The Messy Middle", part=4),
    row("Part one of three: Why data matters", "Why data matters", part=1),
    row("Blog #6: The power of saying no", "The power of saying no", part=6),
    row("Episode 12: Leading with humility", "Leading with humility", part=12),
    row(
        "Second blog: Reflections on a fellowship year by Tom Reid",
        "Reflections on a fellowship year",
        "Tom Reid",
        part=2,
    ),
    row("Part X: The final instalment", "The final instalment", part=10),
    row("Lessons from lockdown: Part 2", "Lessons from lockdown", part=2),
    row(
        "Women in Leadership Blog Series, Part 2: Imposter syndrome by Priya Das",
        "Imposter syndrome",
        "Priya Das",
        series="Women in Leadership Blog Series",
        part=2,
    ),
    row(
        "Greener Leader Blog Series: Part XIV – Procurement and carbon",
        "Procurement and carbon",
        series=GREENER,
        part=14,
    ),
    row("Part of the problem? Leaders and the culture of blame"),
    row("Blog 2023: the year in review"),
    row("Playing our part: one step at a time"),
    row("Part I want to forget: a surgeon on failure"),
]

AUTHOR_ROWS = [
    row("Speaking up for safety by Jane Smith MBE", "Speaking up for safety", "Jane Smith"),
    row(
        "Reducing waiting lists by Dr Amir Khan, FRCP and Prof. Lisa Wong, PhD",
        "Reducing waiting lists",
        "Amir Khan",
        "Lisa Wong",
    ),
    row(
        "Anchor institutions and population health by Sarah Green et al.",
        "Anchor institutions and population health",
        "Sarah Green",
        more=True,
    ),
    row(
        "A new model of urgent care by Tim Cook and colleagues",
        "A new model of urgent care",
        "Tim Cook",
        more=True,
    ),
    row(
        "Safer staffing in mental health by L. Jones et al",
        "Safer staffing in mental health",
        "L. Jones",
        more=True,
    ),
    row(
        "Quality improvement in the ED by Rosa Diaz & colleagues",
        "Quality improvement in the ED",
        "Rosa Diaz",
        more=True,
    ),
    row(
        "What we learned from the pilot by Ali Shah, Beth Jones, and Carl Evans",
        "What we learned from the pilot",
        "Ali Shah",
        "Beth Jones",
        "Carl Evans",
    ),
    row(
        "Rethinking rotas by Ellie Marsh & Joe Bloggs",
        "Rethinking rotas",
        "Ellie Marsh",
        "Joe Bloggs",
    ),
    row("Speaking truth to power by Siobhan O'Neill", "Speaking truth to power", "Siobhan O'Neill"),
    row(
        "Time to care by Fiona McDonald and Iain MacLeod",
        "Time to care",
        "Fiona McDonald",
        "Iain MacLeod",
    ),
    row(
        "Leading with curiosity by Marieke van der Berg",
        "Leading with curiosity",
        "Marieke van der Berg",
    ),
    row("What Sweden can teach us by Göran Henriks", "What Sweden can teach us", "Göran Henriks"),
    row("A nurse’s view by Aoife Ní Bhriain", "A nurse’s view", "Aoife Ní Bhriain"),
    row("Team huddles that work by J. R. Patel", "Team huddles that work", "J. R. Patel"),
    row("Professional courage by Professor Sir Muir Gray", "Professional courage", "Muir Gray"),
    row(
        "Why boards must listen by Baroness Julia Cumberlege",
        "Why boards must listen",
        "Julia Cumberlege",
    ),
    row(
        "Reflections of a new consultant by Mr. Kwame Mensah",
        "Reflections of a new consultant",
        "Kwame Mensah",
    ),
    row("Allyship in practice by Mx Sam Rivers", "Allyship in practice", "Sam Rivers"),
    row(
        "Lessons from Finland by Associate Professor Anna Virtanen",
        "Lessons from Finland",
        "Anna Virtanen",
    ),
    row("Trust and transparency by Dame Ruth May DBE", "Trust and transparency", "Ruth May"),
    row(
        "Why general practice matters, by Kamila Hawthorne",
        "Why general practice matters",
        "Kamila Hawthorne",
    ),
    row(
        "Building the workforce we need (by Rebecca Stone)",
        "Building the workforce we need",
        "Rebecca Stone",
    ),
    row(
        "Digital first, by the BMJ Leader editorial team",
        "Digital first",
        "BMJ Leader editorial team",
    ),
    row(
        "Culture eats strategy by NHS Leadership Academy Fellows",
        "Culture eats strategy",
        "NHS Leadership Academy Fellows",
    ),
    row(
        "Race equality in the workforce by Roger Kline and the WRES team",
        "Race equality in the workforce",
        "Roger Kline",
        "WRES team",
    ),
    row(
        "The voice of the patient by Nursing and Midwifery Regional Clinical Leadership Fellows",
        "The voice of the patient",
        "Nursing and Midwifery Regional Clinical Leadership Fellows",
    ),
    row(
        "What the NHS Long Term Plan means by Emily Ross-Smith",
        "What the NHS Long Term Plan means",
        "Emily Ross-Smith",
    ),
    row(
        "Why we need more AHP leaders by Dr Nikita Kanani MBE",
        "Why we need more AHP leaders",
        "Nikita Kanani",
    ),
    row("Staying human in a busy ward by Dr Sharma", "Staying human in a busy ward", "Sharma"),
    row("Partnerships that work by Aisha bin Rashid", "Partnerships that work", "Aisha bin Rashid"),
    row(
        "Getting it right for patients by Carlos de la Cruz",
        "Getting it right for patients",
        "Carlos de la Cruz",
    ),
    row("Speaking up by Jean-Luc Picard", "Speaking up", "Jean-Luc Picard"),
    row("What matters to you? by Jason Leitch", "What matters to you?", "Jason Leitch"),
    row("Leading with kindness by Nick Day", "Leading with kindness", "Nick Day"),
    row(
        "Why hospital at home works by Rachel Winter", "Why hospital at home works", "Rachel Winter"
    ),
    row("The art of leading by Michael West", "The art of leading", "Michael West"),
    row("Finance for clinicians by Keith Young", "Finance for clinicians", "Keith Young"),
    row(
        "Thinking differently about risk by Mark Power",
        "Thinking differently about risk",
        "Mark Power",
    ),
    row("Diversity in the boardroom by Mei Ling Tan", "Diversity in the boardroom", "Mei Ling Tan"),
    row("Health and wellbeing boards by Jim McManus", "Health and wellbeing boards", "Jim McManus"),
    row(
        "Nursing and Midwifery Council reforms by Andrea Sutcliffe",
        "Nursing and Midwifery Council reforms",
        "Andrea Sutcliffe",
    ),
    row(
        "Bringing lived experience into the boardroom by Jo Ward",
        "Bringing lived experience into the boardroom",
        "Jo Ward",
    ),
]

ARTICLE_ROWS = [
    row(
        "Why psychological safety is everyone’s business by Amy Edmondson",
        "Why psychological safety is everyone’s business",
        "Amy Edmondson",
    ),
    row(
        "The case for clinical leadership in integrated care systems. By Chris Ham",
        "The case for clinical leadership in integrated care systems",
        "Chris Ham",
    ),
    row(
        "Leadership in the time of COVID-19: what we learned by Sadia Noor",
        "Leadership in the time of COVID-19: what we learned",
        "Sadia Noor",
    ),
    row(
        "Tackling the elective backlog: can we learn from Denmark? By Mikkel Hansen",
        "Tackling the elective backlog: can we learn from Denmark?",
        "Mikkel Hansen",
    ),
    row(
        "Civility, respect and patient safety by Chris Turner",
        "Civility, respect and patient safety",
        "Chris Turner",
    ),
    row(
        "Is it time to abolish the annual appraisal? By Nicola Burbidge",
        "Is it time to abolish the annual appraisal?",
        "Nicola Burbidge",
    ),
    row(
        "Reflections on a year as a Chief Registrar by Omar Malik",
        "Reflections on a year as a Chief Registrar",
        "Omar Malik",
    ),
    row(
        "Supporting staff after serious incidents by Suzette Woodward",
        "Supporting staff after serious incidents",
        "Suzette Woodward",
    ),
    row(
        "What does good leadership look like in general practice? By Dr Victoria Tzortziou Brown",
        "What does good leadership look like in general practice?",
        "Victoria Tzortziou Brown",
    ),
    row(
        "Collective leadership: making it happen by Michael West and Regina Eckert",
        "Collective leadership: making it happen",
        "Michael West",
        "Regina Eckert",
    ),
    row(
        "The role of medical directors in a changing NHS by Sir Bruce Keogh",
        "The role of medical directors in a changing NHS",
        "Bruce Keogh",
    ),
    row(
        "How do we hold on to our nurses? By Alison Leary",
        "How do we hold on to our nurses?",
        "Alison Leary",
    ),
    row(
        "Compassion fatigue and how to address it by Kate Granger",
        "Compassion fatigue and how to address it",
        "Kate Granger",
    ),
    row("Global health leadership by Ngozi Okonjo", "Global health leadership", "Ngozi Okonjo"),
    row("Medical leadership in the 21st century"),
    row("Lessons from the Covid Inquiry"),
    row("Flying blind? The importance of data in leading improvement"),
    row("Who cares for the carers?"),
    row(
        "Leadership lessons from the U.S. by Ben Carter",
        "Leadership lessons from the U.S.",
        "Ben Carter",
    ),
]

TYPOGRAPHY_ROWS = [
    row("'Just culture' in the NHS by Scott Morrish", "'Just culture' in the NHS", "Scott Morrish"),
    row("‘It’s not my job’ by Claire Hughes", "It’s not my job", "Claire Hughes"),
    row('"Leadership is a team sport" by Mark Allen', "Leadership is a team sport", "Mark Allen"),
    row(
        "“Why don’t you just leave?” Reflections on bullying in medicine by Asha Gill",
        "“Why don’t you just leave?” Reflections on bullying in medicine",
        "Asha Gill",
    ),
    row(
        "Leadership&nbsp;and&nbsp;the art of the possible by Kate Brown",
        "Leadership and the art of the possible",
        "Kate Brown",
    ),
    row(
        "It&#8217;s time to talk about burnout. By Dr Sam Ahmed",
        "It’s time to talk about burnout",
        "Sam Ahmed",
    ),
    row("Health &amp; care integration by Ian Dodge", "Health & care integration", "Ian Dodge"),
    row("  Double  spaced   heading   by  Lee  Hart ", "Double spaced heading", "Lee Hart"),
    row("Trailing full stop heading. By Anna Bell.", "Trailing full stop heading", "Anna Bell"),
    row("Is the NHS ready for AI? By Hugh Harvey", "Is the NHS ready for AI?", "Hugh Harvey"),
    row("Enough is enough! By Zoe Clarke", "Enough is enough!", "Zoe Clarke"),
    row(
        "Clinical\u00a0leadership\u00a0matters by Nina\u00a0Shah",
        "Clinical leadership matters",
        "Nina Shah",
    ),
    row(
        "Shared\tleadership\nin practice by Tom\u2009Ellis",
        "Shared leadership in practice",
        "Tom Ellis",
    ),
]

OTHER_BLOG_ROWS = [
    row("Leadership in the NHS -Jon Rouse", "Leadership in the NHS", "Jon Rouse"),
    row("Building a leadership culture fit for the future – NHS England"),
    row(
        "Leadership in the NHS: A commentary by Roger Kline",
        "Leadership in the NHS: A commentary",
        "Roger Kline",
    ),
    row(
        "Ten minutes with Professor Marion Lynch, Covid 19 Technical Adviser, Tropical Health and "
        "Education Trust (THET)",
        kind="interview",
        subject="Marion Lynch",
    ),
    row(
        "BMJ Leader Podcast: In conversation with Sir Jim Mackey",
        kind="interview",
        subject="Jim Mackey",
    ),
    row("Q&A with Amanda Pritchard", kind="interview", subject="Amanda Pritchard"),
    row("In conversation: Dame Clare Gerada", kind="interview", subject="Clare Gerada"),
    row(
        "Why we must act now – a guest blog by Professor Jane Roe",
        "Why we must act now",
        "Jane Roe",
    ),
    row(
        "Ten years on from Francis, written by Ruth Holt", "Ten years on from Francis", "Ruth Holt"
    ),
    row("Leading for equity. By: Sam Hughes", "Leading for equity", "Sam Hughes"),
    row(
        "Workforce planning that works by NHS Employers",
        "Workforce planning that works",
        "NHS Employers",
    ),
    row("Funded by the Health Foundation: a new fellowship"),
    row("Recognised by the Royal College of Nursing"),
    row("My first blog by Jane Roe", "My first blog", "Jane Roe"),
    row(
        "A Dutchman in London: reflections of a hospital chief executive from the Netherlands "
        "in the NHS"
    ),
    row("Slaughtering to serving: a reflection on healthcare leadership in Indonesia"),
    row("Ten minutes in the life of a ward sister"),
]

ROWS = (
    SEED_ROWS
    + BY_IN_TITLE_ROWS
    + DASH_AND_PIPE_ROWS
    + KIND_ROWS
    + SERIES_ROWS
    + PART_ROWS
    + AUTHOR_ROWS
    + ARTICLE_ROWS
    + TYPOGRAPHY_ROWS
    + OTHER_BLOG_ROWS
)

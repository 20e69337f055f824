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
    author_roles: tuple[str, ...] = ()


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
    roles: tuple[str, ...] = (),
) -> Row:
    return Row(
        heading, heading if title is None else title, series, part, authors, more, kind, subject,
        known, roles,
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

# Issue 3: headings in the styles of BMJ Leader, NHS England, NHS Confederation, the King's
# Fund, FMLM, the Health Foundation, NHS Employers, NHS Providers, IHI and BMJ Opinion,
# written to the spec without running the parser first.

BYLINE_STYLE_ROWS = [
    row(
        "Why clinical leaders must own the productivity agenda by Dr Penny Dash",
        "Why clinical leaders must own the productivity agenda",
        "Penny Dash",
    ),
    row(
        "Reclaiming joy in work: a practical guide for teams by Prof. Derek Bell OBE",
        "Reclaiming joy in work: a practical guide for teams",
        "Derek Bell",
    ),
    row(
        "What the Messenger review means for medical managers by Professor Sir Chris Ham, FRCP",
        "What the Messenger review means for medical managers",
        "Chris Ham",
    ),
    row(
        "Flattening hierarchies in the operating theatre by Mr Ahmed Al-Hassan FRCS",
        "Flattening hierarchies in the operating theatre",
        "Ahmed Al-Hassan",
    ),
    row(
        "Leading a nursing workforce through winter by Dame Donna Kinnair DBE FRCN",
        "Leading a nursing workforce through winter",
        "Donna Kinnair",
    ),
    row(
        "Leading with data in mental health trusts by Mrs Aisling Nic Gabhann, RMN, MSc",
        "Leading with data in mental health trusts",
        "Aisling Nic Gabhann",
    ),
    row(
        "The quiet power of middle managers by Ms Chiara de Souza and Mr Jack O'Neill",
        "The quiet power of middle managers",
        "Chiara de Souza",
        "Jack O'Neill",
    ),
    row(
        "Growing the next generation of AHP leaders by Suzanne Rastrick, Beverley Harden, and "
        "Dr Jonathan McKenzie",
        "Growing the next generation of AHP leaders",
        "Suzanne Rastrick",
        "Beverley Harden",
        "Jonathan McKenzie",
    ),
    row(
        "Kindness is not a soft option by J. R. Smith & A. Patel",
        "Kindness is not a soft option",
        "J. R. Smith",
        "A. Patel",
    ),
    row(
        "Why we should stop talking about ‘soft skills’ by JR Smith",
        "Why we should stop talking about ‘soft skills’",
        "JR Smith",
    ),
    row(
        "Team coaching on a busy medical ward by KL Okafor and JR Hughes",
        "Team coaching on a busy medical ward",
        "KL Okafor",
        "JR Hughes",
    ),
    row(
        "Psychological safety in multidisciplinary teams by Rev Dr Catherine Morley",
        "Psychological safety in multidisciplinary teams",
        "Catherine Morley",
    ),
    row("Global health and the NHS by Lord Crisp", "Global health and the NHS", "Crisp"),
    row(
        "Integrated care systems: the next five years by the Rt Hon Patricia Hewitt",
        "Integrated care systems: the next five years",
        "Patricia Hewitt",
    ),
    row(
        "Why prevention must come first by Rt Hon Sir Norman Lamb",
        "Why prevention must come first",
        "Norman Lamb",
    ),
    row(
        "Local government and the NHS: a shared future by Cllr David Fothergill",
        "Local government and the NHS: a shared future",
        "David Fothergill",
    ),
    row(
        "Why I became a nurse leader by Sister Mary Okoro RGN",
        "Why I became a nurse leader",
        "Mary Okoro",
    ),
    row(
        "Training the next generation of physicians by Dr Hina Qureshi MBBS MRCP(UK)",
        "Training the next generation of physicians",
        "Hina Qureshi",
    ),
    row(
        "The case for shared decision making by Professor Trisha Greenhalgh OBE FMedSci",
        "The case for shared decision making",
        "Trisha Greenhalgh",
    ),
    row(
        "On being a medical director by Dr. Anne-Marie O’Donnell, MD, PhD",
        "On being a medical director",
        "Anne-Marie O’Donnell",
    ),
    row(
        "Diversity at the top: still a long way to go by Professor Dame Parveen Kumar, CBE",
        "Diversity at the top: still a long way to go",
        "Parveen Kumar",
    ),
    row(
        "Rethinking job plans for consultants by Miss Lorna Fraser-Mackenzie FRCS",
        "Rethinking job plans for consultants",
        "Lorna Fraser-Mackenzie",
    ),
    row(
        "Inclusive leadership in primary care by Mx Alex Kaur-Bains",
        "Inclusive leadership in primary care",
        "Alex Kaur-Bains",
    ),
    row(
        "How we cut agency spend by 40% by Sarah-Jane Marsh",
        "How we cut agency spend by 40%",
        "Sarah-Jane Marsh",
    ),
    row(
        "Is the NHS too big to lead? by Sir Julian Hartley",
        "Is the NHS too big to lead?",
        "Julian Hartley",
    ),
    row(
        "Hospital at home: lessons from Wales by Dr Eilir Hughes and Dr Bethan Ellis",
        "Hospital at home: lessons from Wales",
        "Eilir Hughes",
        "Bethan Ellis",
    ),
    row(
        "Listening to families after maternity failings by Bill Kirkup CBE",
        "Listening to families after maternity failings",
        "Bill Kirkup",
    ),
    row(
        "Why boards must look beyond the numbers by Dr Ngozi Edi-Osagie, Helen Stokes-Lampard "
        "and Amit Kaur-Singh",
        "Why boards must look beyond the numbers",
        "Ngozi Edi-Osagie",
        "Helen Stokes-Lampard",
        "Amit Kaur-Singh",
    ),
    row(
        "What makes a good clinical director? By D. Wilkinson et al.",
        "What makes a good clinical director?",
        "D. Wilkinson",
        more=True,
    ),
    row(
        "The value of peer support for new consultants by Kieran Walsh and colleagues",
        "The value of peer support for new consultants",
        "Kieran Walsh",
        more=True,
    ),
    row(
        "Leading in the community by Eamonn O'Brien-Murphy",
        "Leading in the community",
        "Eamonn O'Brien-Murphy",
    ),
    row(
        "Lessons from a Dutch hospital by Jan-Willem van den Broek",
        "Lessons from a Dutch hospital",
        "Jan-Willem van den Broek",
    ),
    row(
        "Why AHPs belong on trust boards by Dr Siobhán Nic Giolla Phádraig",
        "Why AHPs belong on trust boards",
        "Siobhán Nic Giolla Phádraig",
    ),
    row(
        "Equality, diversity and inclusion: beyond the tick box by Yvonne Coghill CBE OBE",
        "Equality, diversity and inclusion: beyond the tick box",
        "Yvonne Coghill",
    ),
    row(
        "What I learned from fifty years in medicine by Emeritus Professor Sir Cyril Chantler",
        "What I learned from fifty years in medicine",
        "Cyril Chantler",
    ),
    row(
        "Mentoring across generations by Professor Emeritus Dame Lesley Southgate",
        "Mentoring across generations",
        "Lesley Southgate",
    ),
    row(
        "Ward to board: what nurses bring to leadership by Professor Greta Westwood CBE and "
        "Dr Crystal Oldman CBE",
        "Ward to board: what nurses bring to leadership",
        "Greta Westwood",
        "Crystal Oldman",
    ),
    row(
        "Let’s talk about menopause at work by Dr Nighat Arif",
        "Let’s talk about menopause at work",
        "Nighat Arif",
    ),
    row(
        "Climate change is a health emergency by Dr Richard Smith, Dr Fiona Godlee, and "
        "Dr Kamran Abbasi",
        "Climate change is a health emergency",
        "Richard Smith",
        "Fiona Godlee",
        "Kamran Abbasi",
    ),
    row(
        "Reflections on compassionate leadership by Prof Michael West CBE, FBPsS",
        "Reflections on compassionate leadership",
        "Michael West",
    ),
    row(
        "Why we need to talk about followership by Dr Anna Maclean, Dr Rory Lyons, Ms Imogen "
        "Bell and Professor Rajan Madhok",
        "Why we need to talk about followership",
        "Anna Maclean",
        "Rory Lyons",
        "Imogen Bell",
        "Rajan Madhok",
    ),
    row(
        "Leading in the Time of Pandemic: Reflections from a Ugandan Hospital by Dr Peter Waiswa "
        "& Dr Grace Nambatya",
        "Leading in the Time of Pandemic: Reflections from a Ugandan Hospital",
        "Peter Waiswa",
        "Grace Nambatya",
    ),
    row(
        "The NHS Long Term Workforce Plan: promise or pipe dream? by Professor Anita Charlesworth",
        "The NHS Long Term Workforce Plan: promise or pipe dream?",
        "Anita Charlesworth",
    ),
    row(
        "Disability and leadership in the NHS by Dr Hannah Barham-Brown",
        "Disability and leadership in the NHS",
        "Hannah Barham-Brown",
    ),
    row(
        "Leading through industrial action by Dr Vivek Trivedi and Dr Robert Laurenson",
        "Leading through industrial action",
        "Vivek Trivedi",
        "Robert Laurenson",
    ),
    row(
        "Health & wellbeing at work by Jane Roe & John Doe",
        "Health & wellbeing at work",
        "Jane Roe",
        "John Doe",
    ),
    row(
        "Leaders and followers by Ann Smith and Bob Jones",
        "Leaders and followers",
        "Ann Smith",
        "Bob Jones",
    ),
    row(
        "Making the NHS a great place to work, written by Em Wilkinson-Brice",
        "Making the NHS a great place to work",
        "Em Wilkinson-Brice",
    ),
    row(
        "Sustaining improvement after the project ends. Written by Dr Pedro Delgado",
        "Sustaining improvement after the project ends",
        "Pedro Delgado",
    ),
    row(
        "What the public really think about the NHS – a blog by Dan Wellings",
        "What the public really think about the NHS",
        "Dan Wellings",
    ),
    row(
        "Why the Fuller stocktake matters, by Dr Claire Fuller and Dr Michelle Drage",
        "Why the Fuller stocktake matters",
        "Claire Fuller",
        "Michelle Drage",
    ),
    row(
        "Becoming a medical leader as a woman of colour by Dr Latifa Patel",
        "Becoming a medical leader as a woman of colour",
        "Latifa Patel",
    ),
    row(
        "Reverse mentoring: what senior leaders learned by Chris North",
        "Reverse mentoring: what senior leaders learned",
        "Chris North",
    ),
]

SENTENCE_BYLINE_ROWS = [
    row(
        "Why we must invest in leadership development now. By Jacqueline Davies",
        "Why we must invest in leadership development now",
        "Jacqueline Davies",
    ),
    row(
        "From burnout to balance: one GP’s story. By Dr Helen Garr MBE",
        "From burnout to balance: one GP’s story",
        "Helen Garr",
    ),
    row(
        "Who speaks for the patient? By Sir Robert Francis QC",
        "Who speaks for the patient?",
        "Robert Francis",
    ),
    row(
        "Enough talk – time for action! By Habib Naqvi MBE",
        "Enough talk – time for action!",
        "Habib Naqvi",
    ),
    row(
        "Leading through uncertainty… By Saffron Cordery",
        "Leading through uncertainty…",
        "Saffron Cordery",
    ),
    row(
        "Are we ready for the next pandemic?  By  Professor Jenny Harries",
        "Are we ready for the next pandemic?",
        "Jenny Harries",
    ),
    row("The NHS at 75. By Amanda Pritchard.", "The NHS at 75", "Amanda Pritchard"),
    row(
        "Clinical leadership in the age of AI. BY Dr Hugh Harvey",
        "Clinical leadership in the age of AI",
        "Hugh Harvey",
    ),
    row(
        "Recruitment & retention: what works? By Dr Jo Ward & Dr Kate Haley",
        "Recruitment & retention: what works?",
        "Jo Ward",
        "Kate Haley",
    ),
    row(
        "Let’s hear it for the porters! By Dr Sam Mistry",
        "Let’s hear it for the porters!",
        "Sam Mistry",
    ),
    row("And finally… by Dr Phil Hammond", "And finally…", "Phil Hammond"),
    row(
        "What can the NHS learn from Jönköping? By Göran Henriks",
        "What can the NHS learn from Jönköping?",
        "Göran Henriks",
    ),
    row(
        "The 100-day challenge: what we learned. By Dr Åsa Ingvarsson",
        "The 100-day challenge: what we learned",
        "Åsa Ingvarsson",
    ),
    row(
        "Why middle managers matter.  By Dr Nina Patel.",
        "Why middle managers matter",
        "Nina Patel",
    ),
    row(
        "  What is an ICB for?  By  Dr  Andy  Knox ",
        "What is an ICB for?",
        "Andy Knox",
    ),
]

DASH_STYLE_ROWS = [
    row(
        "Why we need a new deal for general practice – Dr Claire Fuller",
        "Why we need a new deal for general practice",
        "Claire Fuller",
    ),
    row(
        "Supporting our international recruits | Danny Mortimer",
        "Supporting our international recruits",
        "Danny Mortimer",
    ),
    row(
        "The year ahead for integrated care | Matthew Taylor",
        "The year ahead for integrated care",
        "Matthew Taylor",
    ),
    row(
        "Tackling health inequalities — Dr Bola Owolabi",
        "Tackling health inequalities",
        "Bola Owolabi",
    ),
    row(
        "A new era for primary care - Professor Sir Sam Everington OBE",
        "A new era for primary care",
        "Sam Everington",
    ),
    row(
        "Putting patients first – Jane Roe and John Smith",
        "Putting patients first",
        "Jane Roe",
        "John Smith",
    ),
    row("The NHS workforce plan – what it means for you"),
    row("Winter planning – NHS Providers"),
    row("Leading across boundaries | The Health Foundation"),
    row("Health inequalities – Sir Michael Marmot", "Health inequalities", "Michael Marmot"),
    row("Virtual wards – Early Lessons"),
    row("Social care reform – Now or Never"),
    row("Patient safety – Florence Nightingale’s legacy"),
    row(
        "The quiet revolution in maternity care — Professor Jacqueline Dunkley-Bent OBE",
        "The quiet revolution in maternity care",
        "Jacqueline Dunkley-Bent",
    ),
    row(
        "What good looks like – Dr Timothy Ferris and Dr Vin Diwakar",
        "What good looks like",
        "Timothy Ferris",
        "Vin Diwakar",
    ),
    row("Learning from deaths -Dr Aidan Fowler", "Learning from deaths", "Aidan Fowler"),
    row(
        "Learning from Kate Granger – Chris Pointon",
        "Learning from Kate Granger",
        "Chris Pointon",
    ),
    row("Armed forces health – Lessons From Afghanistan"),
    row("NHS at 75 | Reflections From the Front Line"),
    row("Why we stand by our nurses – RCN Council"),
]

BY_PHRASE_ROWS = [
    row("Stand by me: supporting colleagues after a complaint"),
    row("Passed by: the patients our system overlooks"),
    row("By the people, for the people: co-producing local services"),
    row("Healthcare by the people, for the people"),
    row("Net zero by 2040: can the NHS get there?"),
    row("Step by step: rebuilding elective capacity"),
    row("Safety by design in maternity units"),
    row("Leadership by numbers? What dashboards can’t tell you"),
    row("Shaped by the pandemic: a new generation of nurse leaders"),
    row("Driven by compassion, held back by rotas"),
    row("Hit by the cost of living: NHS staff under strain"),
    row("Governance by Spreadsheet"),
    row("One Trust, Led by Nurses"),
    row("Crushed by Red Tape"),
    row("Weighed Down by Paperwork"),
    row("Day by Day in the Intensive Care Unit"),
    row("Learning by Doing, Leading by Example"),
    row("Improvement by Stealth"),
    row("Trial by Twitter: leaders in the public eye"),
    row("Inspired by Mary Seacole and Florence Nightingale"),
    row("A Profession Defined by Kindness"),
    row("Guided by Voices From the Front Line"),
    row("We stand by Dr Bawa-Garba"),
    row("Standing by Junior Doctors"),
    row("Surrounded by Good People"),
    row(
        "Led by example: what I learned from my first ward sister by Eileen Sills",
        "Led by example: what I learned from my first ward sister",
        "Eileen Sills",
    ),
    row(
        "Death by a thousand audits by Dr Rebecca Fisher",
        "Death by a thousand audits",
        "Rebecca Fisher",
    ),
    row(
        "Stand by me: peer support in the ED by Dr Adrian Boyle",
        "Stand by me: peer support in the ED",
        "Adrian Boyle",
    ),
    row(
        "By the people, for the people: community engagement in ICSs by Samantha Jones",
        "By the people, for the people: community engagement in ICSs",
        "Samantha Jones",
    ),
    row("Net zero by 2040 by Dr Nick Watts", "Net zero by 2040", "Nick Watts"),
    row(
        "Step by step, ward by ward. By Professor Mary Dixon-Woods",
        "Step by step, ward by ward",
        "Mary Dixon-Woods",
    ),
]

SERIES_STYLE_ROWS = [
    row(
        "Leading in Primary Care Blog Series: The GP partner of the future by Dr Farzana Hussain",
        "The GP partner of the future",
        "Farzana Hussain",
        series="Leading in Primary Care Blog Series",
    ),
    row(
        "Women Leaders blog series: Breaking the glass ceiling in surgery by Miss Tamzin Cuming",
        "Breaking the glass ceiling in surgery",
        "Tamzin Cuming",
        series="Women Leaders blog series",
    ),
    row(
        "‘Leading with Heart’: Why emotional intelligence matters by Dr Sam Hussain",
        "Why emotional intelligence matters",
        "Sam Hussain",
        series="Leading with Heart",
    ),
    row(
        "“Voices of the frontline”: A porter’s view of leadership",
        "A porter’s view of leadership",
        series="Voices of the frontline",
    ),
    row(
        '"Future Leaders": Part 2 – Finding your voice by Aisha Malik',
        "Finding your voice",
        "Aisha Malik",
        series="Future Leaders",
        part=2,
    ),
    row(
        "Part 2: Building resilient teams by Claire Hughes",
        "Building resilient teams",
        "Claire Hughes",
        part=2,
    ),
    row(
        "Blog three: Listening to staff by Helen Bevan",
        "Listening to staff",
        "Helen Bevan",
        part=3,
    ),
    row(
        "Leading in complexity (part II): working with uncertainty by Dr Jane Roe",
        "working with uncertainty",
        "Jane Roe",
        series="Leading in complexity",
        part=2,
    ),
    row(
        "Why kindness is a leadership skill (Part 1)", "Why kindness is a leadership skill", part=1
    ),
    row(
        "Episode 4 – Talking about race with Roger Kline",
        "Talking about race with Roger Kline",
        part=4,
    ),
    row(
        "Second blog: The view from the board by Dr Layla McCay",
        "The view from the board",
        "Layla McCay",
        part=2,
    ),
    row(
        "Compassionate Leadership Series, Blog 2: Attending to staff by Professor Michael West",
        "Attending to staff",
        "Michael West",
        series="Compassionate Leadership Series",
        part=2,
    ),
    row(
        f"{GREENER}: Part 5 – Sustainable procurement by Dr Frances Mortimer",
        "Sustainable procurement",
        "Frances Mortimer",
        series=GREENER,
        part=5,
    ),
    row(
        "Leading for Equity: Blog 3 of 5 – Data that drives change",
        "Data that drives change",
        series="Leading for Equity",
        part=3,
    ),
    row(
        "The Improvement Journey – Episode 7: Spreading what works",
        "Spreading what works",
        series="The Improvement Journey",
        part=7,
    ),
    row("Part two: What the data tell us", "What the data tell us", part=2),
    row("Leadership in lockdown — part 3", "Leadership in lockdown", part=3),
    row(
        "Third blog: Building trust with communities by Dr Ruth Hussey",
        "Building trust with communities",
        "Ruth Hussey",
        part=3,
    ),
    row(
        "NHS Confederation Health and Care Women Leaders Network blog series: Menopause and "
        "leadership",
        "Menopause and leadership",
        series="NHS Confederation Health and Care Women Leaders Network blog series",
    ),
    row("Partnership working in Cumbria"),
    row("Blog post 2: Reverse mentoring in practice", "Reverse mentoring in practice", part=2),
    row("Part-time working and the consultant workforce"),
    row("Parting words from a retiring chief executive"),
    row("Part 1 of 2: Why boards get culture wrong", "Why boards get culture wrong", part=1),
    row("Instalment 3: The money", "The money", part=3),
    row(
        "Lucy Letby: What boards must learn",
        "What boards must learn",
        series="Lucy Letby",
        known=("Lucy Letby",),
    ),
    row(
        "Ten Years On – Reflections from the Frontline",
        "Reflections from the Frontline",
        series="Ten Years On",
        known=("Ten Years On",),
    ),
    row(
        "Leadership Matters series (part 3): Trust",
        "Trust",
        series="Leadership Matters series",
        part=3,
    ),
    row("Blogging for beginners: a guide for clinicians"),
    row("Our part in the climate emergency"),
]

TOPIC_PREFIX_ROWS = [
    row(
        "Mid Staffs: ten years on, what has changed? By Julie Bailey",
        "Mid Staffs: ten years on, what has changed?",
        "Julie Bailey",
    ),
    row(
        "COVID-19: what we learned about leading at pace by Dr Mike Durkin",
        "COVID-19: what we learned about leading at pace",
        "Mike Durkin",
    ),
    row("Dr Hadiza Bawa-Garba: what the profession owes her"),
    row("Ockenden: Five lessons for every maternity unit"),
    row("Brexit and the NHS workforce: where next?"),
    row(
        "Shipman, Francis, Letby: why do we keep failing to listen? By Roger Kline",
        "Shipman, Francis, Letby: why do we keep failing to listen?",
        "Roger Kline",
    ),
    row("#NHSLeaders: why Twitter still matters"),
    row("Opinion: The NHS needs fewer managers, not more"),
    row(
        "Guest blog: Why I joined a trust board as a junior doctor by Dr Anya Patel",
        "Guest blog: Why I joined a trust board as a junior doctor",
        "Anya Patel",
    ),
    row("Richard Smith: The NHS needs a new kind of leader"),
    row("Lessons from Florence Nightingale"),
    row("Thank you, Dr Bawa-Garba"),
    row("What would Aneurin Bevan think?"),
    row("Remembering Kate Granger"),
    row("Why we still need Mary Seacole"),
    row("Time to listen to Sir Robert Francis"),
    row("The Bevan Commission – Wales’ health think tank"),
]

REVIEW_STYLE_ROWS = [
    row(
        "Compassionate Leadership by Michael West – Book Review by Dr Anna Fry",
        "Compassionate Leadership by Michael West",
        "Anna Fry",
        kind="book-review",
    ),
    row(
        "Book review: The Unaccountability Machine by Dan Davies",
        "The Unaccountability Machine by Dan Davies",
        kind="book-review",
    ),
    row(
        "BOOK REVIEW: Humble Inquiry by Edgar Schein",
        "Humble Inquiry by Edgar Schein",
        kind="book-review",
    ),
    row(
        "Book Review: Intelligent Kindness by John Ballatt and Penelope Campling",
        "Intelligent Kindness by John Ballatt and Penelope Campling",
        kind="book-review",
    ),
    row(
        "Book review – Why Hospitals Should Fly by John J. Nance, reviewed by Dr Kate Ling",
        "Why Hospitals Should Fly by John J. Nance",
        "Kate Ling",
        kind="book-review",
    ),
    row(
        "Radical Candor – book review, by Priya Singh",
        "Radical Candor",
        "Priya Singh",
        kind="book-review",
    ),
    row(
        "Leadership and Self-Deception – Book Review by Mr Tom Gale and Ms Rina Obi",
        "Leadership and Self-Deception",
        "Tom Gale",
        "Rina Obi",
        kind="book-review",
    ),
    row(
        "The Checklist Manifesto: a book review. By Dr Ellen Moss",
        "The Checklist Manifesto",
        "Ellen Moss",
        kind="book-review",
    ),
    row(
        "Book review: Black and British. By Dr Rhiannon Okoye",
        "Black and British",
        "Rhiannon Okoye",
        kind="book-review",
    ),
    row(
        "Why book reviews matter to clinical leaders by Dr Tom Reid",
        "Why book reviews matter to clinical leaders",
        "Tom Reid",
    ),
]

INTERVIEW_STYLE_ROWS = [
    row(
        "Q&A with Dr Layla McCay, Director of Policy, NHS Confederation",
        kind="interview",
        subject="Layla McCay",
    ),
    row(
        "Ten minutes with Professor Dame Clare Marx, Chair, General Medical Council",
        kind="interview",
        subject="Clare Marx",
    ),
    row("Five minutes with Mx Jay Hughes-Lee", kind="interview", subject="Jay Hughes-Lee"),
    row(
        "In conversation with Professor Sir Muir Gray and Dr Sian Griffiths",
        kind="interview",
        subject="Muir Gray and Sian Griffiths",
    ),
    row(
        "An interview with Chris Hopson: leading through the pandemic",
        kind="interview",
        subject="Chris Hopson",
    ),
    row(
        "BMJ Leader Podcast: In conversation with Professor Kamila Hawthorne, Chair of the RCGP",
        kind="interview",
        subject="Kamila Hawthorne",
    ),
    row(
        "In conversation with NHS England’s Chief People Officer",
        kind="interview",
        subject="NHS England’s Chief People Officer",
    ),
    row(
        "Domhnall MacAuley in conversation with Professor Sir Simon Wessely",
        kind="interview",
        subject="Simon Wessely",
    ),
    row(
        "In conversation: Professor Sir Stephen Powis on the NHS at 75",
        kind="interview",
        subject="Stephen Powis",
    ),
    row(
        "Q&A: Sir Jim Mackey on tackling the elective backlog",
        kind="interview",
        subject="Jim Mackey",
    ),
    row(
        "Interview with Dr Habib Naqvi MBE, Director of the NHS Race and Health Observatory",
        kind="interview",
        subject="Habib Naqvi",
    ),
    row(
        "Leadership lessons: an interview with Dame Jackie Daniel",
        kind="interview",
        subject="Jackie Daniel",
    ),
    row(
        "Interview: Professor Sir Mike Richards on diagnostics",
        kind="interview",
        subject="Mike Richards",
    ),
    row(
        "In conversation with Dr Navina Evans about the workforce plan",
        kind="interview",
        subject="Navina Evans",
    ),
]

INTRO_STYLE_ROWS = [
    row(
        "Introducing the Compassionate Leadership Blog Series",
        series="Compassionate Leadership Blog Series",
        kind="series-intro",
    ),
    row(
        "Introducing our new series: Women in Surgery by Miss Nadia Hassan",
        "Introducing our new series: Women in Surgery",
        "Nadia Hassan",
        series="Women in Surgery",
        kind="series-intro",
    ),
    row(
        "Welcome to the Leading Integrated Care blog series",
        series="Leading Integrated Care blog series",
        kind="series-intro",
    ),
    row(
        "Introducing ‘Leaders in Lockdown’ – a new blog series",
        series="Leaders in Lockdown",
        kind="series-intro",
    ),
    row("Introducing the new BMJ Leader editorial board"),
]

TYPOGRAPHY_STYLE_ROWS = [
    row(
        "Why &#8216;just culture&#8217; matters by Dr Scott Morrish",
        "Why ‘just culture’ matters",
        "Scott Morrish",
    ),
    row(
        "Leading &amp; managing in the NHS by Ms Jane O&#8217;Brien",
        "Leading & managing in the NHS",
        "Jane O’Brien",
    ),
    row(
        "NHS—why we need to talk about productivity by Siva Anandaciva",
        "NHS—why we need to talk about productivity",
        "Siva Anandaciva",
    ),
    row(
        "Leadership\u00a0matters\u00a0by\u00a0Dr\u00a0Pete\u00a0Smith",
        "Leadership matters",
        "Pete Smith",
    ),
    row("The last word… by Dr Sarah Wollaston", "The last word…", "Sarah Wollaston"),
    row(
        "“Nobody told me it would be like this” — reflections of a new consultant by Dr Ravi Menon",
        "“Nobody told me it would be like this” — reflections of a new consultant",
        "Ravi Menon",
    ),
    row(
        "‘We can’t go on like this’ by Saffron Cordery",
        "We can’t go on like this",
        "Saffron Cordery",
    ),
    row(
        '"Just do it": leadership lessons from the vaccine programme by Dr Emily Lawson',
        "leadership lessons from the vaccine programme",
        "Emily Lawson",
        series="Just do it",
    ),
    row(
        "'Don't wait to be asked' by Dr Ayesha Ali",
        "Don't wait to be asked",
        "Ayesha Ali",
    ),
    row(
        "“Nothing about us without us”. By Jane Roe",
        "Nothing about us without us",
        "Jane Roe",
    ),
    row("Leading in the NHS: hope or hype?"),
    row(
        "The AHP workforce: why ICSs must act by the AHP Council",
        "The AHP workforce: why ICSs must act",
        "AHP Council",
    ),
    row(
        "Burnout&nbsp;&#8211; a system problem, not a personal failing by Dr Clare Gerada",
        "Burnout – a system problem, not a personal failing",
        "Clare Gerada",
    ),
]

GROUP_STYLE_ROWS = [
    row(
        "Making the case for women in leadership by the NHS Confederation’s Health and Care "
        "Women Leaders Network",
        "Making the case for women in leadership",
        "NHS Confederation’s Health and Care Women Leaders Network",
    ),
    row(
        "Our priorities for 2024 by Members of the BMJ Leader editorial board",
        "Our priorities for 2024",
        "Members of the BMJ Leader editorial board",
    ),
    row(
        "Nursing’s next chapter by the Chief Nursing Officer’s team",
        "Nursing’s next chapter",
        "Chief Nursing Officer’s team",
    ),
    row(
        "Medical leadership competencies revisited by the Faculty of Medical Leadership and "
        "Management",
        "Medical leadership competencies revisited",
        "Faculty of Medical Leadership and Management",
    ),
    row(
        "Our response to the workforce plan by the FMLM Trainee Steering Group",
        "Our response to the workforce plan",
        "FMLM Trainee Steering Group",
    ),
    row(
        "Improving together by Dr Sam Riley and the IHI Patient Safety team",
        "Improving together",
        "Sam Riley",
        "IHI Patient Safety team",
    ),
    row(
        "Leading change in general practice by the Royal College of General Practitioners",
        "Leading change in general practice",
        "Royal College of General Practitioners",
    ),
    row(
        "Patient safety in the 2020s by the Institute for Healthcare Improvement",
        "Patient safety in the 2020s",
        "Institute for Healthcare Improvement",
    ),
]

ROLE_ROWS = [
    row(
        "Improving flow through the emergency department by Dr Katherine Henderson, President, "
        "Royal College of Emergency Medicine",
        "Improving flow through the emergency department",
        "Katherine Henderson",
        roles=("President, Royal College of Emergency Medicine",),
    ),
    row(
        "The power of nursing leadership – Ruth May, Chief Nursing Officer for England",
        "The power of nursing leadership",
        "Ruth May",
        roles=("Chief Nursing Officer for England",),
    ),
    row(
        "Why we need a workforce plan by Danny Mortimer, Chief Executive of NHS Employers",
        "Why we need a workforce plan",
        "Danny Mortimer",
        roles=("Chief Executive of NHS Employers",),
    ),
    row(
        "Building an anti-racist NHS by Dr Habib Naqvi (Director, NHS Race and Health Observatory)",
        "Building an anti-racist NHS",
        "Habib Naqvi",
        roles=("Director, NHS Race and Health Observatory",),
    ),
    row(
        "Tackling waiting lists together by Sir Jim Mackey, CEO, Northumbria Healthcare, and "
        "Dr Tim Gardner, Health Foundation",
        "Tackling waiting lists together",
        "Jim Mackey",
        "Tim Gardner",
        roles=("CEO, Northumbria Healthcare", "Health Foundation"),
    ),
    row(
        "Leading a trust in special measures – Dr Jane Roe, Medical Director",
        "Leading a trust in special measures",
        "Jane Roe",
        roles=("Medical Director",),
    ),
    row(
        "What the new GP contract means by Dr Farah Jameel, chair of the BMA GP committee",
        "What the new GP contract means",
        "Farah Jameel",
        roles=("chair of the BMA GP committee",),
    ),
    row(
        "More AHPs on boards by Professor Jane Roe, Head of Allied Health Professions at Leeds "
        "Teaching Hospitals",
        "More AHPs on boards",
        "Jane Roe",
        roles=("Head of Allied Health Professions at Leeds Teaching Hospitals",),
    ),
    row(
        "Clinical leadership in Scotland by Jason Leitch, National Clinical Director, Scottish "
        "Government",
        "Clinical leadership in Scotland",
        "Jason Leitch",
        roles=("National Clinical Director, Scottish Government",),
    ),
    row(
        "Delivering the workforce plan by Navina Evans, NHS England",
        "Delivering the workforce plan",
        "Navina Evans",
        roles=("NHS England",),
    ),
    row(
        "Trainee perspectives on the new curriculum by Dr Ben Lowe, on behalf of the FMLM "
        "Trainee Steering Group",
        "Trainee perspectives on the new curriculum",
        "Ben Lowe",
        roles=("on behalf of the FMLM Trainee Steering Group",),
    ),
    row("Leading well by Jane Roe, what next?"),
    row("Stand by Jane Roe, whatever happens"),
]

EDGE_STYLE_ROWS = [
    row("In memoriam – Kate Granger"),
    row("A tribute – Professor Sir Brian Jarman"),
    row(
        "Remembering Kate Granger – Chris Pointon",
        "Remembering Kate Granger",
        "Chris Pointon",
    ),
    row(
        "Why social media matters for leaders by Dr Jane Roe (@janeroe)",
        "Why social media matters for leaders",
        "Jane Roe",
        roles=("@janeroe",),
    ),
    row(
        "Tweeting from the ward by Sam Lee @samleeRN and Ola Ade @olaade",
        "Tweeting from the ward",
        "Sam Lee",
        "Ola Ade",
        roles=("@samleeRN", "@olaade"),
    ),
    row(
        "What patients taught me about time by Jane Roe, a GP in Leeds",
        "What patients taught me about time",
        "Jane Roe",
        roles=("a GP in Leeds",),
    ),
    row("Caring for carers by Jane Roe, a story of hope"),
    row("Learning by Helping Others"),
    row("Co-produced by Young People"),
    row("Winter – North East"),
    row("Helen Bevan talks to Don Berwick", kind="interview", subject="Don Berwick"),
    row("What I learned in conversation with patients"),
    row("Interview: what panels look for"),
    row("Q&A: how to apply for the fellowship"),
    row("Why science needs leaders by Sir Paul Nurse", "Why science needs leaders", "Paul Nurse"),
    row(
        "Book review – Being Mortal by Atul Gawande",
        "Being Mortal by Atul Gawande",
        kind="book-review",
    ),
    row(
        "Devolution and health by the Scottish Government",
        "Devolution and health",
        "Scottish Government",
    ),
    row("A message from the chair – NHS Providers"),
    row(
        "Why kindness matters in surgery by Jane Roe (part 2)",
        "Why kindness matters in surgery",
        "Jane Roe",
        part=2,
    ),
    row(
        "Leading change in a district general hospital by Dr Ade Bello, Part 3",
        "Leading change in a district general hospital",
        "Ade Bello",
        part=3,
    ),
    row(
        "Clinical leadership in Wales by Dr Jo Price FRCS (Eng)",
        "Clinical leadership in Wales",
        "Jo Price",
    ),
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
    + BYLINE_STYLE_ROWS
    + SENTENCE_BYLINE_ROWS
    + DASH_STYLE_ROWS
    + BY_PHRASE_ROWS
    + SERIES_STYLE_ROWS
    + TOPIC_PREFIX_ROWS
    + REVIEW_STYLE_ROWS
    + INTERVIEW_STYLE_ROWS
    + INTRO_STYLE_ROWS
    + TYPOGRAPHY_STYLE_ROWS
    + GROUP_STYLE_ROWS
    + ROLE_ROWS
    + EDGE_STYLE_ROWS
)

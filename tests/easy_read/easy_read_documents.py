"""A realistic multi-section council strategy built in memory, for the easy-read tests.

It has what real strategies have: a foreword, a help box, priorities with "we will"
lists, figures, governance and methodology detail, references, a glossary and contacts.
"""
from __future__ import annotations

from converter.model import (BlockQuote, Document, Heading, Link, ListBlock, ListItem, Metadata, NoteRef,
                             Paragraph, Strong, Table, TableCell, TableRow, Text)


def para(text: str) -> Paragraph:
    return Paragraph((Text(text),))


def heading(level: int, text: str) -> Heading:
    return Heading(level, (Text(text),))


def bullets(*texts: str) -> ListBlock:
    return ListBlock(False, tuple(ListItem((para(t),)) for t in texts))


def two_columns(*pairs) -> Table:
    def cell(text, header=False):
        return TableCell((para(text),), header=header)
    rows = [TableRow((cell("Term", True), cell("Meaning", True)), header=True)]
    rows += [TableRow((cell(a), cell(b))) for a, b in pairs]
    return Table(tuple(rows))


HELP_BOX = BlockQuote((
    para("If you are in immediate danger, call 999. For anything that is not an emergency, call Kent Police on 101."),
    Paragraph((Text("For support in Kent and Medway, call Victim Support on 0808 168 9276 or visit "),
               Link((Text("www.domesticabuseservices.org.uk"),), "https://www.domesticabuseservices.org.uk"),
               Text("."))),
    para("The National Domestic Violence Helpline is free and open 24 hours a day on 0808 2000 247."),
))


def strategy_document() -> Document:
    """About 1,500 words in ten top-level sections, shaped like the Kent and Medway strategy."""
    blocks = (
        heading(1, "Foreword"),
        para("Domestic abuse is one of the most common and most harmful crimes in our country, and much of it "
             "still happens out of sight. Across England and Wales more than 2 million people experience it "
             "every year."),
        para("This strategy sets out how the organisations on the Kent and Medway Domestic Abuse and Sexual "
             "Violence Executive will work to one shared set of priorities for the next three years."),
        para("We would like to thank everyone who responded to our consultation in 2019."),
        HELP_BOX,
        heading(1, "1 Introduction"),
        heading(2, "1.1 Why we need a strategy"),
        para("Domestic abuse is a widespread crime which can affect anyone, whatever their age, gender, "
             "sexuality, ethnicity, disability, income or where they live. It harms physical and mental "
             "health, disrupts children's education and development, leads to homelessness and debt, and in "
             "the worst cases ends in serious injury or death."),
        para("Without a shared plan, services can work to different goals (Home Office, 2019), leave gaps "
             "between them, or duplicate one another. In order to utilise our resources effectively, "
             "partners must collaborate."),
        heading(1, "2 What is domestic abuse"),
        para("The Domestic Abuse Bill defines domestic abuse as behaviour by one person towards another where "
             "both are aged 16 or over and are personally connected [3]. Abuse can be:"),
        bullets("physical or sexual abuse", "violent or threatening behaviour",
                "controlling or coercive behaviour", "economic abuse", "psychological or emotional abuse"),
        heading(1, "3 The national and local picture"),
        Paragraph((Text("An estimated 2.4 million adults aged 16 to 74 experienced domestic abuse in the "
                        "year ending March 2019"), NoteRef("1"), Text("."))),
        para("Women are twice as likely as men to experience domestic abuse."),
        para("Kent Police recorded 26,149 domestic abuse incidents in 2017, and domestic abuse makes up 15% "
             "of all recorded crime."),
        para("According to the Crime Survey for England and Wales (CSEW), fewer than one in five victims "
             "report abuse to the police."),
        heading(1, "4 Our priorities"),
        para("We have agreed five priorities. Each priority has a set of commitments that partners will "
             "deliver over the life of the strategy."),
        heading(2, "Priority 1: Driving change together"),
        para("We will promote change by working together across all our services."),
        bullets("We will make sure the right people are involved in sharing information and making decisions.",
                "We will challenge negative attitudes to domestic abuse in our communities."),
        heading(2, "Priority 2: Prevention and early intervention"),
        bullets("We will prevent domestic abuse from happening through education in schools.",
                "We will train the workforce to recognise the signs of abuse and respond appropriately."),
        heading(2, "Priority 3: Provision of services"),
        bullets("We will commission services that are person centred and trauma-informed.",
                "We will work with survivors to design services and find gaps in provision."),
        heading(2, "Priority 4: Minimising harm"),
        bullets("We will strengthen safeguarding between adult and children's services.",
                "We will expand the number of Independent Domestic Violence Advisers (IDVAs) in Kent."),
        heading(2, "Priority 5: Justice, recovery and on-going protection"),
        bullets("We will make sure the police and courts support people who have experienced domestic abuse.",
                "We will offer perpetrators programmes that help them change their behaviour."),
        heading(1, "5 How we developed this strategy"),
        para("The strategy was informed by a needs assessment, a review of national evidence and a public "
             "consultation which ran between 8 July and 30 September 2019. Data were drawn from police "
             "recorded crime, the Multi-Agency Risk Assessment Conference (MARAC) dataset and the Office for "
             "National Statistics."),
        heading(1, "6 Governance and accountability"),
        para("The Executive will oversee delivery of this strategy. A delivery plan will be monitored "
             "quarterly by the Domestic Abuse Strategic Delivery Group, which reports to the Executive and "
             "to the community safety partnerships. Performance indicators are listed in Appendix C."),
        heading(1, "7 What happens next"),
        para("We will publish an action plan each year and report on our progress every April."),
        heading(1, "8 Contact us"),
        para("If you have questions about this strategy, email domesticabuse@kent.gov.uk or call 03000 41 41 41."),
        para("You can ask for this strategy in large print, audio or another language."),
        heading(1, "Glossary"),
        two_columns(("Coercive control", "A pattern of acts used to harm, punish or frighten someone."),
                    ("MARAC", "A meeting where agencies talk about the risk to a victim and make a plan.")),
        heading(1, "References"),
        para("Home Office (2019) Domestic Abuse Bill: factsheet. London: Home Office."),
        para("Office for National Statistics (2019) Domestic abuse in England and Wales."),
    )
    meta = Metadata(title="Kent and Medway Domestic Abuse Strategy 2020-2023",
                    organisation="Kent County Council", source_name="strategy.docx")
    notes = ()
    return Document(meta, blocks, notes)


SUPPORT_CONTACTS = ("999", "101", "0808 168 9276", "0808 2000 247", "www.domesticabuseservices.org.uk")
CONTACT_DETAILS = ("domesticabuse@kent.gov.uk", "03000 41 41 41")

"""Words too common to search for, per content language (surface forms, lowercase).

Short on purpose: only function words that would match nearly every deed. They are
left out of the index and of queries; a query of nothing but these says so.
"""

FINNISH = """
ja tai sekä että eli koska kun jos kuin mutta vaan vai myös niin nyt jo vielä kuten
on oli ovat olivat olla ole olisi ei eivät en et emme ette se sen sitä siitä siinä
sillä siihen ne niitä niiden niistä niissä näitä nämä tämä tämän tätä tässä tästä
tähän tuo tuon hän he me te minä sinä meidän heidän hänen joka jonka jotka joita
jossa josta johon jolla joiden mikä mitä missä mistä mihin ovat sekä mm ym jne esim
""".split()

SWEDISH = """
och i att det som en på är av för med till den har de inte om ett han men var jag
sig från vi så kan man när år hon också eller efter under vid hade dem nu sin sitt
sina detta denna dessa där här då bara än mot oss alla vara blev blir skulle ska
""".split()

ENGLISH = """
the and of to a in for is on that with as by at from it an be are was were this
these those or but not have has had its their our we they he she you your i
""".split()

STOP_WORDS = {"fi": frozenset(FINNISH), "sv": frozenset(SWEDISH), "en": frozenset(ENGLISH)}
ANY_LANGUAGE = STOP_WORDS["fi"] | STOP_WORDS["sv"] | STOP_WORDS["en"]

# Swedish-language pages in Finland use the same day.month.year order.
DATE_FORMAT = "j.n.Y"
SHORT_DATE_FORMAT = "j.n.Y"
DATETIME_FORMAT = "j.n.Y \\k\\l. G.i"
SHORT_DATETIME_FORMAT = "j.n.Y G.i"
# Counts are grouped by the |thousands filter (core/templatetags/core.py) with a
# no-break space, as in Django's own locale: 12 345, never split over two lines.
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"
NUMBER_GROUPING = 3

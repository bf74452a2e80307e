# Swedish-language pages in Finland use the same day.month.year order.
DATE_FORMAT = "j.n.Y"
SHORT_DATE_FORMAT = "j.n.Y"
DATETIME_FORMAT = "j.n.Y \\k\\l. G.i"
SHORT_DATETIME_FORMAT = "j.n.Y G.i"

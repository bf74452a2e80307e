# English pages of a Finnish service: unambiguous day-month-year.
DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "j.n.Y"
DATETIME_FORMAT = "j F Y, H:i"
SHORT_DATETIME_FORMAT = "j.n.Y H:i"
# Counts are grouped by the |thousands filter (core/templatetags/core.py): 12,345.
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3

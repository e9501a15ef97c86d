"""Shipped holiday notices, one ``YYYY.toml`` per year that the installed chinesecalendar does not cover
(format: ``backend.calendar.holiday_notices``). None ships today: chinesecalendar 1.11 knows 2026, and a
notice is added only from the State Council's published text, never guessed. When the 2027 notice is out
and chinesecalendar has no release with it yet, add ``2027.toml`` here (or pass a directory to
``WorkingDayCalendar``)."""

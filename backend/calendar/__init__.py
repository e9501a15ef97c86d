"""China's working-day calendar (``working_days``) for deadlines counted in working days, with the yearly
holiday notices (``holiday_notices``) and the statutory-holiday estimate (``statutory_holidays``) behind it;
and the YYYY-MM month the API and the review system exchange (``months``)."""

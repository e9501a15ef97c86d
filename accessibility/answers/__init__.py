"""Understanding free Chinese answers, typed or from WeChat speech recognition: commands, yes/no,
grades, categories, dates, ID/certificate/phone numbers, amounts of money, offered choices, names, addresses,
counties, and where someone applies from.
Each parser returns `Understood`, `Ambiguous` or `NotUnderstood` (a stable code and params, never words
for people)."""
from accessibility.answers.addresses import parse_address
from accessibility.answers.amounts import parse_amount
from accessibility.answers.applied_from import FormerCounty, parse_county_applied_from, parse_lives_in_hukou_place
from accessibility.answers.categories import parse_category
from accessibility.answers.choices import HOUSEHOLD_STATUS_CHOICES, Choice, parse_choice
from accessibility.answers.commands import Command, CommandKind, recognise_command
from accessibility.answers.dates import LONG_TERM, LongTerm, YearMonth, parse_birth_date, parse_date
from accessibility.answers.grades import parse_grade
from accessibility.answers.names import parse_name
from accessibility.answers.numbers import (
    normalise_certificate_number,
    normalise_id_number,
    normalise_phone_number,
)
from accessibility.answers.regions import County, parse_county
from accessibility.answers.results import Ambiguous, Answer, NotUnderstood, Understood
from accessibility.answers.yes_no import parse_yes_no

__all__ = [
    "Ambiguous", "Answer", "NotUnderstood", "Understood",
    "Command", "CommandKind", "recognise_command",
    "parse_yes_no", "parse_grade", "parse_category",
    "parse_date", "parse_birth_date", "YearMonth", "LongTerm", "LONG_TERM",
    "normalise_id_number", "normalise_certificate_number", "normalise_phone_number", "parse_amount",
    "Choice", "HOUSEHOLD_STATUS_CHOICES", "parse_choice",
    "parse_name", "parse_address", "County", "parse_county",
    "FormerCounty", "parse_county_applied_from", "parse_lives_in_hukou_place",
]

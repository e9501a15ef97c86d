"""Acting for someone else (seed 004: 法定监护人、委托他人、村（居）民委员会代为申请): guardians and family,
entrusted persons and village assistants, each with the applicant's consent and a record of every access."""

"""The record of who read or changed whose application, when, from where (issue 8, PIPL art. 55)."""

"""Review: the reviewer decides, clean-scan applies the decisions and learns.

Every edit and flag of a report has a stable id (:mod:`.ids`); a reviewer's
decisions on them live in ``STEM.review.json`` (:mod:`.decisions`, schema
in ``docs/review-format.md``) and are applied by the pipeline on the next
run (:mod:`.apply`); trusted words and rejected corrections go to the
project word list (:mod:`.words`); a hand-edited clean text becomes
decisions (:mod:`.adopt`).
"""

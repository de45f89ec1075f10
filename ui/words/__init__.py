"""The words a rep reads, in the interface language: one module per vocabulary.

- vocabulary: the model's closed vocabularies (channels, order states, star colours…;
  context "labels"), `word(table, value)`
- cases: actions, states, proposals, causes, checklists of requests and disputes ("cases")
- complaints: complaint kinds, steps and outcomes ("complaints")
- alerts, due: the deadline monitor's alerts and its "what is due" summary
- problems, refusals: the core's refusals of bad input and the marketplace rules'
- reports: the report's titles, notes, columns and fixed row words ("report")
- catalog: texts that live in data, listed for the translators (written by
  scripts/update_translations.py)
"""

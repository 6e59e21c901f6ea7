""""Predict first": the learner's guess is recorded before the cell that computes the answer, then shown beside it.

    wo.predict("03.P", "no")                      # before the cell: the guess, recorded in the check log
    wo.reveal("03.P", wo.vote_of("ES-11/8", "USA"))  # after it: the guess beside what the data says

The guesses go into :data:`worldorder.checks.LOG` (status ``predicted``, with the guess), so ``tools/grade.py``
keeps them in the gradebook. A guess is never marked right or wrong: it is there to be compared.

>>> from worldorder import checks
>>> predict("T.P", "Yes").status
'predicted'
>>> checks.LOG[-1]["guess"]
'Yes'
>>> reveal("T.P", "Abstain").message
'Prediction T.P: Your guess: Yes. The data: Abstain. What did you not expect, and why might that be?'
"""

from __future__ import annotations

from worldorder import feedback, names
from worldorder.checks import LOG, _empty

GUESSES: dict[str, str] = {}


class Shown:
    """A message shown as HTML in JupyterLab, as plain text elsewhere."""

    def __init__(self, key: str, message: str, status: str):
        self.key, self.message, self.status = key, message, status

    def __repr__(self) -> str:
        return feedback.plain(self.message)

    def _repr_html_(self) -> str:
        return feedback.html(self.message, self.status)


def predict(key: str, guess) -> Shown:
    """Record the learner's guess for the "Predict first" prompt ``key`` (e.g. ``"03.P"``)."""
    if _empty(guess) or str(guess).strip() in ("...", "\u2026"):
        LOG.append({"key": key, "status": "no answer", "attempt": 1})
        return Shown(key, f"Prediction {key}: no guess yet: write your guess between the quotes, then run the cell.",
                     "no answer")
    text = str(guess).strip()
    GUESSES[key] = text
    LOG.append({"key": key, "status": "predicted", "attempt": 1, "guess": text})
    return Shown(key, f"Prediction {key}: Your guess: {text}. It is recorded: run the next cell and compare.",
                 "predicted")


def reveal(key: str, result=None) -> Shown:
    """Show the recorded guess beside what the data says (``result``, or the output above)."""
    guess = GUESSES.get(key)
    if guess is None:
        return Shown(key, f"Prediction {key}: no guess was recorded: run the `wo.predict(...)` cell above first, "
                          "with your guess, before you look.", "no answer")
    data = "the output above" if result is None else str(result)
    same = result is not None and names.normalise(guess) == names.normalise(data)
    ending = "As you predicted." if same else "What did you not expect, and why might that be?"
    return Shown(key, f"Prediction {key}: Your guess: {guess}. The data: {data}. {ending}", "predicted")

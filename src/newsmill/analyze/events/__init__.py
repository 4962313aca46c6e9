"""Who did what to whom: PLOVER events from the shared dependency parse.

Rules over the parse with a verb and noun lexicon (``plover.py``), sentence by sentence:

1. *Triggers*: a verb of the lexicon ("seized"), a verb whose object gives it its meaning
   ("lifted a curfew", "opened fire"), a light verb carrying an event noun ("launched its
   invasion", "staged rallies"), or an event noun with a participant of its own ("Russian
   shelling of ...", "his visit to Moscow", "negotiations between Kyiv and Moscow").
2. *Frames*: a trigger in the complement of another trigger belongs to it ("demanded that
   Israel ease restrictions" is one REQUEST; "threatened to cut off electricity" one
   THREATEN). Opinions are comments, not events ("Islamabad believes ...", "regards ... as a
   puppet"), and reporting verbs ("said") only attribute what they report.
3. *Status*: will/shall (and would, reported) → future; may/might/could/if → hypothetical;
   not/never → negated; pluperfect, "recent visit", dates well before publication →
   historical. A promised cooperative act is PLOVER's AGREE, a promised hostile one (or one
   made with "unless") THREATEN, a refused or negated promise REJECT.
4. *Participants*: the subject (or the passive's agent) acts; the recipient is a person,
   group or place the action is done to: the object when it names one, the owner of an
   abstract object ("praised Haiti's efforts"), or a prepositional object the event type
   takes ("talks with", "aid to", "sanctions on"). A place name is an actor only as a
   capital standing for its government (subject position); otherwise it is the location,
   or, as the object of a hostile act, the recipient's country. Codes are ISO-3 countries
   from the entities (persons' and organisations' countries, demonyms, places), or IGO/NGO.

Offsets are Doc character offsets; ``stage.py`` maps them to the record's text.

The rules live in modules by what they do: ``triggers`` (1), ``frames`` (2 and 3),
``phrases`` and ``participants`` (4), ``coding`` (codes of names and words) and ``settle``
(codes a participant takes from its sentence); ``article`` holds what every rule reads,
``drafts`` the shared types; ``engine`` runs the rules over an article's sentences and
``record`` maps the drafts into the record.
"""

from newsmill.analyze.events.drafts import EventDraft, ParticipantDraft
from newsmill.analyze.events.engine import annotate_events, main_event
from newsmill.analyze.events.record import to_events, to_plover

__all__ = ["EventDraft", "ParticipantDraft", "annotate_events", "main_event", "to_events", "to_plover"]

"""Attribution, certainty and sentence status: who says so, how sure, and whether it is news.

``find_attributions`` sets ``article.attributions``: one :class:`AttributionMention` per attribution, sorted by start.
  Its span runs from the source to the reporting verb ("Local sources said"), from the verb
  to the source ("according to the health ministry", "..., said police"), or covers the
  hedge word alone ("reportedly"); ``source`` is the source's name as written, with a
  sentence-initial "The"/"Local" lower-cased, or None for hedges and pronouns.
  Coordinated sources ("officials and witnesses said") give one mention each.
  A hedge is listed only when it bears on a clause: "the coalition purportedly fighting
  Daesh carried out strikes" hedges the coalition's aim, not the strikes, so a hedge
  adverb between a noun and an ``-ing`` participle (a reduced relative clause describing an
  actor) is left out. Hedges before a verb or noun ("reportedly killed", "the alleged
  attack") are listed with their exact span, so the event stage may also check nearness.
Reads ``sentences``; cue words live in ``data/attribution.yaml``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from eventcoder.article import Article, AttributionMention, Sentence
from eventcoder.resources import load_yaml
from eventcoder.stages import stage
from eventcoder.stages.text import WORD_TOKEN


_JOINING_GAP = re.compile(r"\s+")
_ABBREVIATION_GAP = re.compile(r"\.\s+")
_LEADING_QUOTES = "\"'“‘( "
_CLAIM_OBJECTS = re.compile(r"\s+(?:responsibility|credit)\b", re.IGNORECASE)


class _Token(NamedTuple):
    """A word of a sentence; a tuple, and its lower-case form made once, because a sentence's
    tokens are many and each is asked for that form several times."""

    start: int
    end: int
    text: str
    lower: str


@dataclass(frozen=True)
class _Lexicon:
    verbs: dict
    inverted: frozenset
    citing: frozenset
    hedges: dict
    passive_auxiliaries: frozenset
    nouns: frozenset
    modifiers: frozenset
    determiners: frozenset
    prepositions: frozenset
    hyphen_heads: frozenset
    not_source: frozenset
    pronouns: frozenset
    irregular_past: frozenset
    skipped_before_verb: frozenset
    clause_words: frozenset
    told_objects: frozenset


@cache
def _lexicon() -> _Lexicon:
    """Loads and compiles ``data/attribution.yaml`` once, on first use."""
    data = load_yaml("attribution.yaml")
    verbs = {
        word: {
            "certainty": entry["certainty"],
            "passive": entry.get("passive"),
            "not_before": _compile_optional(entry.get("not_before")),
            "only_before": _compile_optional(entry.get("only_before")),
        }
        for word, entry in data["reporting_verbs"].items()
    }

    def alternatives(key: str) -> re.Pattern:
        return re.compile("|".join(f"(?:{p})" for p in data[key]), re.IGNORECASE)

    return _Lexicon(
        verbs=verbs,
        inverted=frozenset(data["inverted_verbs"]),
        citing=frozenset(data["citing_verbs"]),
        hedges=dict(data["hedges"]),
        passive_auxiliaries=frozenset(load_yaml("english.yaml")["passive_auxiliaries"]),
        nouns=frozenset(data["source_nouns"]),
        modifiers=frozenset(data["source_modifiers"]) - frozenset(data["source_nouns"]),
        determiners=frozenset(data["determiners"]),
        prepositions=frozenset(data["inner_prepositions"]),
        hyphen_heads=frozenset(data["hyphen_heads"]),
        not_source=frozenset(data["not_source_words"]),
        pronouns=frozenset(data["pronouns"]),
        irregular_past=frozenset(load_yaml("status.yaml")["irregular_past"]),
        skipped_before_verb=frozenset(data["skipped_before_verb"]),
        clause_words=frozenset(data["clause_words"]),
        told_objects=frozenset(data["told_objects"]),
    )


def _compile_optional(pattern: str | None) -> re.Pattern | None:
    return re.compile(pattern, re.IGNORECASE) if pattern else None


@stage("attributions", reads=("text", "sentences"), sets=("attributions",))
def find_attributions(article: Article) -> Article:
    """Sets ``article.attributions``."""
    lexicon = _lexicon()
    mentions: list[AttributionMention] = []
    for sentence in article.sentences:
        mentions += _SentenceAttributions(article.text, sentence, lexicon).find()
    unique = {(m.start, m.end, m.source, m.certainty): m for m in mentions}
    article.attributions = sorted(unique.values(), key=lambda m: (m.start, m.end))
    return article


# ---------------------------------------------------------------------------------------------
# Attributions


class _SentenceAttributions:
    """Finds the attributions of one sentence over its word tokens."""

    def __init__(self, text: str, sentence: Sentence, lexicon: _Lexicon):
        self.text = text
        self.sentence = sentence
        self.lexicon = lexicon
        self.tokens = [
            _Token(sentence.start + m.start(), sentence.start + m.end(), m.group(), m.group().lower())
            for m in WORD_TOKEN.finditer(sentence.text)
        ]
        self.used: set[int] = set()

    def find(self) -> list[AttributionMention]:
        found: list[AttributionMention] = []
        for index, token in enumerate(self.tokens):
            if index in self.used:
                continue
            word = token.lower
            if word == "according" and self._word(index + 1) == "to":
                found += self._according_to(index)
            elif not token.text[:1].islower():
                continue  # "The United States", "Reports said": a name or noun, not a verb
            elif word in self.lexicon.citing:
                found += self._citing(index)
            elif word in self.lexicon.verbs:
                found += self._reporting_verb(index)
        for index, token in enumerate(self.tokens):
            if index not in self.used and token.lower in self.lexicon.hedges and self._hedges_clause(index):
                found.append(self._mention(token.start, token.end, None, self.lexicon.hedges[token.lower]))
        return found

    # -- patterns -------------------------------------------------------------------------

    def _according_to(self, index: int) -> list[AttributionMention]:
        span = self._source_right(index + 2)
        if span is None:
            return []
        self.used.update(range(index, span[1] + 1))
        return self._mentions(span, self.tokens[index].start, self.tokens[span[1]].end, "reported")

    def _citing(self, index: int) -> list[AttributionMention]:
        """ "X quoted Y as saying", "..., citing local sources": Y is the source."""
        if self._is_passive(index):
            return self._quoted_passive(index)
        span = self._source_right(index + 1)
        if span is None or not self._has_head(span):
            return []
        end_index = span[1]
        if self._word(end_index + 1) == "as" and self._word(end_index + 2) in {"saying", "having"}:
            end_index += 2
        elif not self.tokens[index].lower.endswith("ing"):
            return []
        subject = self._source_left(index)
        start = self.tokens[subject[0]].start if subject else self.tokens[index].start
        self.used.update(range(index, end_index + 1))
        return self._mentions(span, start, self.tokens[end_index].end, "reported")

    def _quoted_passive(self, index: int) -> list[AttributionMention]:
        """ "The governor was quoted on Monday as saying": the subject is the source."""
        saying = next((i for i in range(index + 1, index + 4) if self._word(i) == "saying" and self._word(i - 1) == "as"), None)
        auxiliary = index - 1
        while self.tokens[auxiliary].lower not in self.lexicon.passive_auxiliaries:
            auxiliary -= 1
        source = self._source_left(auxiliary)
        if saying is None or source is None:
            return []
        self.used.update(range(index, saying + 1))
        return self._mentions(source, self.tokens[source[0]].start, self.tokens[saying].end, "reported")

    def _reporting_verb(self, index: int) -> list[AttributionMention]:
        token = self.tokens[index]
        entry = self.lexicon.verbs[token.lower]
        if token.lower in self.lexicon.nouns and self._word(index + 1) in self.lexicon.verbs:
            return []  # "Media reports said": the noun belongs to the source of the next verb
        after = self.text[token.end:self.sentence.end]
        if entry["not_before"] and entry["not_before"].search(after):
            return []
        if entry["only_before"] and not entry["only_before"].search(after):
            return []
        end = self._verb_end(index, after)
        if self._is_passive(index):
            if entry["passive"] is None:
                return []
            self.used.add(index)
            agent = self._source_right(index + 2) if self._word(index + 1) == "by" else None
            if agent:
                return self._mentions(agent, token.start, self.tokens[agent[1]].end, entry["passive"])
            return [self._mention(token.start, end, None, entry["passive"])]
        if token.lower in self.lexicon.inverted and self._follows_quote_or_comma(index):
            source = self._source_right(index + 1)
            if source and self._has_head(source):
                self.used.update(range(index, source[1] + 1))
                return self._mentions(source, token.start, self.tokens[source[1]].end, entry["certainty"])
        source = self._source_left(index)
        self.used.add(index)
        if source is None:
            return [self._mention(token.start, end, None, entry["certainty"])]
        return self._mentions(source, self.tokens[source[0]].start, end, entry["certainty"])

    def _verb_end(self, index: int, after: str) -> int:
        """Takes in "responsibility" after "claimed" and the outlet after "told"."""
        token = self.tokens[index]
        claim = _CLAIM_OBJECTS.match(after)
        if token.lower.startswith("claim") and claim:
            return token.end + claim.end()
        if token.lower in {"told", "tells"}:
            following = self._source_right(index + 1)
            if following and self._joined(index, index + 1):
                return self.tokens[following[1]].end
            if self._word(index + 1) in self.lexicon.told_objects:
                return self.tokens[index + 1].end
        return token.end

    def _hedges_clause(self, index: int) -> bool:
        """False for a hedge inside a reduced relative clause: "the militia reportedly guarding the town"."""
        if not self.tokens[index].lower.endswith("ly"):
            return True
        following = self._word(index + 1)
        previous = self._word(index - 1)
        if not following.endswith("ing") or not self._joined(index - 1, index):
            return True
        return previous in self.lexicon.passive_auxiliaries or previous in self.lexicon.pronouns or previous in {
            "has", "have", "had", "was", "were", "is", "are",
        }

    # -- noun phrases ------------------------------------------------------------------------

    def _source_left(self, verb: int) -> tuple[int, int] | None:
        """The source phrase ending just before a verb, as (first, last) token indices."""
        last = verb - 1
        while last >= 0 and self._joined(last, last + 1) and (
            self.tokens[last].lower in self.lexicon.skipped_before_verb or self.tokens[last].lower.endswith("ly")
        ):
            last -= 1
        if last < 0:
            return None
        if self._is_bracketed_acronym(last):
            return self._phrase_ending_at(last - 1)  # "the Revolutionary United Front (RUF) announced"
        if not self._joined(last, last + 1):
            return self._source_before_aside(last + 1)
        return self._phrase_ending_at(last) or self._short_subject(last)

    def _is_bracketed_acronym(self, index: int) -> bool:
        token = self.tokens[index]
        if index == 0 or not token.text.isupper() or index + 1 >= len(self.tokens):
            return False
        before = self.text[self.tokens[index - 1].end:token.start]
        after = self.text[token.end:self.tokens[index + 1].start]
        return before.strip() == "(" and after.strip() == ")"

    def _short_subject(self, last: int) -> tuple[int, int] | None:
        """A short subject of words the lexicon lacks: "the Parliament speaker said"."""
        first = last
        while first > 0 and self._joined(first - 1, first) and last - first < 4:
            first -= 1
        if first > 0 and self._joined(first - 1, first):
            return None
        words = [t.lower for t in self.tokens[first:last + 1]]
        opens = words[0] in self.lexicon.determiners or self.tokens[first].text[:1].isupper()
        verb_like = any(
            w in self.lexicon.passive_auxiliaries or w in self.lexicon.clause_words or w in self.lexicon.irregular_past
            or w in self.lexicon.pronouns or (w.endswith("ed") and "-" not in w)
            for w in words
        )
        return (first, last) if opens and not verb_like else None

    def _phrase_ending_at(self, last: int) -> tuple[int, int] | None:
        if self.tokens[last].lower in self.lexicon.pronouns:
            return None
        first = None
        index = last
        while index >= 0:
            word = self.tokens[index].lower
            if self._is_source_word(index):
                first = index
            elif word in self.lexicon.determiners:
                if first is not None:
                    first = index
                break
            elif not (
                (word in self.lexicon.prepositions or word == "and")
                and first is not None
                and self._joined(index - 1, index)
                and self._is_source_word(index - 1)
            ):
                break
            if not self._joined(index - 1, index):
                break
            index -= 1
        return None if first is None else (first, last)

    def _source_before_aside(self, verb: int) -> tuple[int, int] | None:
        """ "Mujahid, a Taliban spokesman, said" / "officials, who asked not to be named, said"."""
        gap = self.text[self.tokens[verb - 1].end:self.tokens[verb].start]
        if "," not in gap:
            return None
        for opening in range(verb - 1, max(verb - 12, 0), -1):
            gap = self.text[self.tokens[opening - 1].end:self.tokens[opening].start]
            if "," in gap:
                if self.tokens[opening].lower in {"who", "a", "an", "the", "speaking", "which"}:
                    return self._phrase_ending_at(opening - 1)
                return None
            if not _JOINING_GAP.fullmatch(gap):
                return None
        return None

    def _source_right(self, first: int) -> tuple[int, int] | None:
        """The source phrase starting at a token, as (first, last) token indices."""
        if first >= len(self.tokens) or (first > 0 and not self._joined_loosely(first - 1, first)):
            return None
        index = first
        last = None
        if self.tokens[index].lower in self.lexicon.determiners:
            index += 1
        while index < len(self.tokens) and (index == first or self._joined(index - 1, index)):
            word = self.tokens[index].lower
            if self._is_source_word(index):
                last = index
            elif (word in self.lexicon.prepositions or word == "and") and last is not None:
                following = index + 1
                if self._word(following) in self.lexicon.determiners:
                    following += 1
                if not (following < len(self.tokens) and self._joined(index, index + 1) and self._is_source_word(following)):
                    break
                index = following - 1
            else:
                break
            index += 1
        if last is None or self.tokens[last].lower in self.lexicon.pronouns:
            return None
        return first, last

    def _is_source_word(self, index: int) -> bool:
        token = self.tokens[index]
        word = token.lower
        if word in self.lexicon.not_source or word in self.lexicon.determiners or word in self.lexicon.prepositions:
            return False
        if word in self.lexicon.nouns or word in self.lexicon.modifiers or word.isdigit():
            return True
        if "-" in word:
            parts = token.text.split("-")
            return any(p[:1].isupper() for p in parts) or parts[-1].lower() in self.lexicon.hyphen_heads
        return token.text[:1].isupper() and word not in self.lexicon.pronouns

    def _has_head(self, span: tuple[int, int]) -> bool:
        return any(
            self.tokens[i].lower in self.lexicon.nouns or self.tokens[i].text[:1].isupper()
            for i in range(span[0], span[1] + 1)
            if self.tokens[i].lower not in self.lexicon.determiners
        )

    # -- building mentions ----------------------------------------------------------------------

    def _mentions(self, span: tuple[int, int], start: int, end: int, certainty: str) -> list[AttributionMention]:
        """One mention per coordinated source ("officials and witnesses said"), each spanning its cue."""
        cue_first = start < self.tokens[span[0]].start
        mentions = []
        for first, last in self._conjuncts(span):
            if cue_first:
                mention_start, mention_end = start, max(end, self.tokens[last].end) if last == span[1] else self.tokens[last].end
            else:
                mention_start, mention_end = self.tokens[first].start, end
            mentions.append(self._mention(mention_start, mention_end, self._name(first, last), certainty))
        return mentions

    def _conjuncts(self, span: tuple[int, int]) -> list[tuple[int, int]]:
        """Splits at "and" unless it joins the words of one name ("Ministry of Foreign Affairs and Trade")."""
        parts: list[tuple[int, int]] = []
        first = span[0]
        for index in range(span[0] + 1, span[1]):
            if self.tokens[index].lower != "and":
                continue
            left_last = self.tokens[index - 1]
            right_first = self.tokens[index + 1]
            left_is_head = left_last.text[:1].isupper() or left_last.lower in self.lexicon.nouns
            inside_name = right_first.text[:1].isupper() and any(
                self.tokens[i].lower in {"of", "for"} for i in range(first, index)
            )
            title_before_name = index - first == 1 and span[1] - index >= 3
            if left_is_head and not inside_name and not title_before_name:
                parts.append((first, index - 1))
                first = index + 1
        parts.append((first, span[1]))
        return parts

    def _name(self, first: int, last: int) -> str | None:
        """The source as written; a capital that only marks the sentence start is lowered."""
        if first == last and self.tokens[first].lower in self.lexicon.pronouns:
            return None
        name = self.text[self.tokens[first].start:self.tokens[last].end]
        head = self.tokens[first].lower
        common = head in self.lexicon.nouns or head in self.lexicon.modifiers
        before_common_word = first == last or self.tokens[first + 1].text[:1].islower()
        if (head in self.lexicon.determiners or (common and before_common_word)) and self._starts_sentence(first):
            name = name[0].lower() + name[1:]
        return name

    def _mention(self, start: int, end: int, source: str | None, certainty: str) -> AttributionMention:
        return AttributionMention(self.text[start:end], start, end, source=source, certainty=certainty)

    # -- token helpers -----------------------------------------------------------------------

    def _word(self, index: int) -> str:
        return self.tokens[index].lower if 0 <= index < len(self.tokens) else ""

    def _joined(self, left: int, right: int) -> bool:
        """True when only spaces (or an abbreviation's dot: "U.S. officials") separate two tokens."""
        if left < 0 or right >= len(self.tokens):
            return False
        gap = self.text[self.tokens[left].end:self.tokens[right].start]
        if _JOINING_GAP.fullmatch(gap):
            return True
        return bool(_ABBREVIATION_GAP.fullmatch(gap)) and "." in self.tokens[left].text

    def _joined_loosely(self, left: int, right: int) -> bool:
        gap = self.text[self.tokens[left].end:self.tokens[right].start]
        return not any(mark in gap for mark in ",;:()\"“”")

    def _starts_sentence(self, index: int) -> bool:
        before = self.text[self.sentence.start:self.tokens[index].start]
        return not before.strip(_LEADING_QUOTES)

    def _is_passive(self, verb: int) -> bool:
        index = verb - 1
        while index >= 0 and self._joined(index, index + 1) and self.tokens[index].lower.endswith("ly"):
            index -= 1
        return index >= 0 and self._joined(index, index + 1) and self.tokens[index].lower in self.lexicon.passive_auxiliaries

    def _follows_quote_or_comma(self, verb: int) -> bool:
        start = self.tokens[verb - 1].end if verb > 0 else self.sentence.start
        gap = self.text[start:self.tokens[verb].start]
        return any(mark in gap for mark in ",\"'”’")

"""The words that mark a decision, a commitment, a request, an answer or a deferral, per language.

One table per language (English, German, French, Spanish, Portuguese, Italian, Japanese, Chinese, Hindi, Arabic,
Dutch, Polish, Russian, Swedish, Turkish, Korean, Hebrew, Vietnamese, Indonesian, Ukrainian); `cues_for(lang)` joins the thread's language with English, because work chat in any language borrows
"LGTM", "ship it" or "+1".
Every pattern is matched case-insensitively against one sentence of prose (code, quotes and links
already removed). Kept as data so a language can be added without touching the detectors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from skills.summarize.screen import screened

# Combining marks that `re` does not count as \w: Latin accents, Devanagari vowel signs, Arabic harakat, Hebrew points.
MARKS = "\u0300-\u036f\u0900-\u0903\u093a-\u094f\u0951-\u0957\u0962\u0963\u064b-\u065f\u0670\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7"
# A task said in the present of the one who does it: "Ken writes the announcement", "Mei updates the pricing page"
THIRD_PERSON_TASKS = (r"writes|updates|sends|books|prepares|reviews|drafts|fixes|checks|covers|preps|pings|calls|organi[sz]es|"
                      r"collects|builds|schedules|creates|files|posts|tells|briefs|contacts|emails|investigates|migrates|"
                      r"deploys|merges|orders|buys|designs|records|hosts|moderates|presents|translates|prints|brings|"
                      r"runs|leads|coordinates|announces|publishes|tests|ships|sets\s+up|follows\s+up|looks\s+into|reaches\s+out")
# Where a course question ("can we …?", "sollen wir …?") starts: the sentence's start, or the clause after a
# reason that ends in the question ("design won't be ready, can we do May 12?")
COURSE_LEAD = r"(?:^|[,;]\s(?=[^,;.!]*\?))"
NAME = rf"@?(?P<who>[^\W\d_][\w{MARKS}.-]*)"  # a first name or @handle, in any script
# What "I can …" offers to do, and what "ill …" (typed for "I'll") must go on with to be read as a promise.
_EN_TASK_VERBS = r"take|do|handle|own|write|send|look|draft|review|fix|check|book|prepare|ask|update|run|set|record|pick|collect|build|cover|share|reach|organi[sz]e|schedule|post|call|email|ping|follow|help|test|deploy|ship|merge|create|make|get|find|investigate|dig|put|move|add|remove|clean|migrate|spike|talk|sync|pair|lead|host|grab|coordinate|announce|publish|file|open|close|pull|cancel|submit|upload|invite|rerun|restart|revert"
# "ok agreed, no-go.", "ok dann go", "então no-go, segura pra segunda": the verdict a go/no-go call asks for, in
# the words every language uses for it; not the English verb ("go ahead", "go fix it", "go live").
_GO_VERDICT = (r"|^\W*(?:(?:ok(?:ay)?|so|alright|then|agreed|fine|gut|also|dann|alles\s+klar|bon|alors|donc|d'accord|vale|"
               r"bueno|pues|entonces|então|beleza|bom|certo)[,.!\s]+){0,3}(?:it'?s\s+a\s+|c'est\s+)?(?:no[-\s]?go|go)\b"
               r"(?![-/]|\s*(?:/|or|oder|ou|o)\s*no)(?!\s+(?:ahead|to|for\s+it|with|on|back|and|through|over|in|out|home|get|"
               r"check|fix|live|see|look|away|figure|find|grab|talk|ask)\b)")
HONORIFICS = "さん|くん|君|様|さま|ちゃん|氏|先生|जी"  # after a name ("鈴木さん", "Amit जी"): not part of it


@dataclass(frozen=True)
class Lexicon:
    """Regex sources for one language; each is an alternation matched with `re.I`."""

    decided: str  # the sentence states a decision: "we decided", "Entscheidung:", "c'est décidé"
    settles: str  # a short sentence that settles what came before: "X it is", "deal", "agreed, March 31"
    proposal: str  # "let's", "how about", "I propose", "on part sur ?"
    agree: str  # a reply that agrees: "sounds good", "+1", "passt", "ça marche", "vale"
    endorse: str  # agreement strong enough to make a plain statement a decision: "works for me", "+1"
    disagree: str  # a reply that opposes: "no", "I'd rather", "lieber nicht"
    defer: str  # no decision yet: "revisit", "think about it", "need numbers first", "vertagen"
    waiting: str  # what a deferral waits for: group `what`
    commit: str  # first-person commitment; group `what` is the task
    accept: str  # accepting a request: "will do", "on it", "mach ich", "je m'en occupe"
    request: str  # asking someone by name; groups `who`, `what` (built with NAME)
    assign: str  # "Ken will X" / "Ken kümmert sich um X"; groups `who`, `what`
    unassigned: str  # "someone should X", "we need to X"; group `what`
    answer: str  # the start of an answer: "yes", "no", "ja", "oui", "sí", "sim"
    not_known: str  # an answer that leaves the question open: "no idea", "keine Ahnung"
    revision: str  # a later decision replaces an earlier one: "actually", "change of plan"
    conclude: str  # the opening of a line that closes a discussion: "ok,", "so", "dann", "bon", "vale", "então"
    consent: str  # a question asking the group's consent to what was just said: "objections?", "Einwände?"
    course: str  # a question about what the team itself does: "should we …?", "sollen wir …?", "on garde …?"
    interim: str  # a step taken while the real question waits: "in the meantime", "bis dahin", "en attendant"
    alternative: str  # the word between two options: "or", "oder", "ou", "o"
    contrast: str  # a reply that raises a problem midway: "… but", "aber", "mais", "pero", "porém"
    refusal: str  # "we can't drop it", "können wir nicht", "on ne peut pas", "no podemos", "não podemos"
    policy: str  # a rule or plan announced from now on: "from now on", "going forward", "ab Montag gilt", "désormais"
    verdict: str  # one item of a plan settled in passing: "Billing moves to Q3", "Dropping 3.8 is fine", "rückt auf Q3"
    factual: str  # an "or" that asks about a fact, not a choice: "… or does the notice cover it?", "… oder ist das …?"
    due: str  # a due phrase, group 1 is the date as written
    announce: str = ""  # a plan said with its subject implied, as a lead announces it: "Going with …", "Rolling back to …", "Congelamos …"
    options: str = ""  # a message that lays options before the thread: "Candidates: A, B, C", "Optionen:", "vote!"
    react_call: str = ""  # a call for agreement by reaction, after the proposal it is about: "React if you're ok with it"
    when: str = ""  # a question about when: "when", "wann", "quand", "cuándo", "quando"
    small_step: str = ""  # a proposal to look or talk first, a next step rather than a decision: "let's check the logs"
    aside: str = ""  # a reply that opens another subject, so it answers nothing by coming next: "also: …", "btw", "por cierto"
    # The nine below are read in every language's table whatever the thread's language (see `Cues.yes_no`).
    yes_no: str = ""  # a reply that opens with a plain yes or no and goes on: "yes,", "not yet.", "noch nicht,", "ainda não."
    second_person: str = ""  # "you", "du", "vous", "você", "你": a question that names someone and says "you" asks them
    taken_back: str = ""  # the asker takes a question back in the same message: "ignore me", "vergiss es", "laisse tomber"
    self_answered: str = ""  # the asker's own answer, opening a later message: "nvm, found it", "hab's gefunden", "找到了"
    finding_out: str = ""  # a reply that sets out to find the answer or hands it on: "let me check", "je me renseigne"
    suggestion: str = ""  # a suggestion put as a question, an answer: "have you tried …?", "hast du … probiert?", "…たらどう"
    who: str = ""  # a "who" question's word, answered by someone volunteering or being named: "who", "wer", "qui", "谁"
    follow_up: str = ""  # a short follow-up asking again about part of an earlier question: "and 3?", "und die Latenz?"
    hedge: str = ""  # a proposal welcomed in principle, then what stands in its way: "would be nice but …", "possible, mais …"
    # the call handed to someone else, so nothing is decided here and the thread waits on them: "escalating to Maria",
    # "let's take it to the leads", "das muss die Geschäftsführung entscheiden"; each pattern's group `what` is who or
    # where it goes (a deferral too: `cues_for` joins them to `defer` without their groups)
    hand_off: tuple[str, ...] = ()


EN = Lexicon(
    decided=r"^\W*confirmed\s*:|(?<!why\s)(?<!how\s)(?<!if\s)(?<!when\s)(?<!whether\s)\b(?:we(?:'ve| have)?\s+decided|(?:I|we)\s+decided|decision\s*(?:is|was|made)?\s*[:\-]|decided\s*[:\-]"
            r"|final\s+(?:decision|call|answer)\b|decision\s+time\b|here'?s\s+(?:how\s+we\s+go|the\s+(?:plan|decision|call))\s*:|it'?s\s+(?:settled|decided|official)|(?:that'?s|it'?s)\s+settled"
            r"|we(?:'ll| will| are|'re)\s+(?:going\s+(?:with|to\s+go\s+with)|go(?:ing)?\s+(?:with|ahead)|stick(?:ing)?\s+with|sticking)\b"
            r"|let'?s\s+go\s+(?:with|for|ahead)\b|(?:we\s+)?agreed\s+(?:on|to|that)\b|unanimous\b|it'?s\s+a\s+go\b"
            r"|go(?:ing)?\s+forward,?\s+we\b|we\s+(?:have|'ve)\s+a\s+decision|the\s+plan\s+is\b|we'?re\s+moving\s+(?:forward|ahead)\s+with"
            r"|^\W*(?:ok(?:ay)?|so|alright|great)?[,.!\s]*(?:moving\s+forward|going\s+ahead|proceeding)\s+with\b|\bwe'?re\s+(?:a\s+)?go\b(?!\s+(?:to|for|with|on|ahead)\b)"
            r"|\b(?!(?:whatever|whichever|whoever|nobody|no\s+one)\b)\w+\s+wins\b|^\W*(?:yes|ok(?:ay)?|sure)?[,.!\s]*approved\b|ship\s+it\b|green\s*light|signed\s+off\s+on|we\s+settled\s+on"
            r"|^\W*(?:\w+[,!.]\s+)?we(?:'ll|\s+will|'re\s+going\s+to|\s+are\s+going\s+to)\s+(?!see\b|need\b|talk\b|have\b|know\b|figure\b|discuss\b|check\b|find\b|try\b|wait\b|look\b|probably\b|maybe\b|be\b|get\s+back\b|keep\s+an?\b|decide\b|think\b|miss\b|meet\b|go\s+home\b|manage\b|survive\b|make\s+it\b)\w+)",
    settles=r"(?:\b(?:it|that)\s+is\s+then\b|\b(?!(?:yeah|yes|yep|no|so|it|that|this|what|which|how|sure|course|ok|okay|until|till|unless|if|when|because|as|where|whatever|before|after|since)\b)\w+\s+it\s+is(?:\s+then)?\s*(?:[.!,;]|$)|^\s*(?:ok(?:ay)?|alright|right|fine|great|so|then)?[\s,]*(?:agreed|deal|done deal|decided|settled|sold|confirmed)\b"
            r"|^\W*(?:ok(?:ay)?|alright|so|final(?:ly)?|summary|plan)(?:,?\s+(?:either\s+way|in\s+short|to\s+sum\s+up|all\s+in\s+all))?\s*:\s*\w|^\W*(?:ok(?:ay)?|alright|fine)[,\s]+.+\bthen\s*[.!]*$|\b(?:deal|agreed)\s*[.!,]|\bconsensus\b|^\W*(?:ok(?:ay)?[,\s]+|great[,.!\s]+|so[,\s]+)?then\s+(?!(?:we|I|you|they|he|she|it|there|suddenly|again|later|one|someone|somebody|everything|nothing|all|what)\b)\w+|\bmake\s+it\b.*\bthen\b|\bthen\s+it\s+is\b|\bgoing\s+with\b|^\W*(?!(?:ok(?:ay)?|fine|alright|right|good|great|see\s+you|bye|thanks|and|but|so|until|till|since|only|even|just|back|what|and\s+what|now)\b)[\w$€%.:/+-]+(?:\s+[\w$€%.:/+-]+){0,2},?\s+then\s*(?:[.!,]|$))"
            # Hinglish, which passes for English: "ok B final", "chalo final", "done hai", "pakka"
            r"|^\W*(?:ok(?:ay)?|toh|to|chalo|th[ei]+k\s+hai|haan)?[\s,]*(?:[^\s.!?,]+\s+){0,3}final(?:\s+(?:hai|hua|ho\s+gaya|kar\s+(?:do|dete\s+hain)))?\s*[.!]*$"
            r"|^\W*(?:(?:ok(?:ay)?|toh|chalo)[\s,]+)?(?:done\s+hai|pakka|fix\s+hai|chalo\s+done|ye\s+(?:chalega|final))\b" + _GO_VERDICT,
    endorse=r"^\W*(?:@\S+\s+)?(?:agreed|I\s+agree|sounds?\s+(?:good|great|perfect|fine|right)|works\s+for\s+me|\+1|lgtm|let'?s\s+do\s+(?:it|that|this)|good\s+(?:idea|call|plan)"
            r"|great\s+(?:idea|call)|makes\s+sense|fine\s+by\s+me|fine\s+with\s+me|that\s+I\s+like|love\s+(?:it|this|that)|I'?m\s+in\b|count\s+me\s+in|no\s+objections?|ship\s+it|deal\b|\+100|same\b)",
    proposal=r"\b(?:let'?s(?!\s+(?:you|him|her|them|people|users|customers|me|hope|pray)\b)|how\s+about(?!\s+you\b)|what\s+about(?!\s+you\b)|shall\s+we|why\s+don'?t\s+we|I\s+(?:suggest|propose|recommend|vote\s+(?:for|to))"
             r"|we\s+could|we\s+should|maybe\s+we|my\s+(?:vote|proposal|suggestion)\s+is|option\s+\w+\s+then"
             r"|I'?d\s+(?:go|lead|pick|choose|use|do|vote|prefer|start|keep|take|stick)|I'?d\s+like\s+(?:us\s+)?to\s+(?=(?:switch|move|change|drop|start|stop|try|adopt|use|introduce|make|keep|replace|require|add|remove)\b)|I\s+think\s+we\s+should|what\s+if\s+we)\b|\b(?:proposal|plan|suggestion)\s*:",
    agree=r"^\W*(?:@\S+\s+)?(?:agreed|agree|I\s+agree|sounds?\s+(?:good|great|perfect|fine|right)|ok(?:ay)?\b|yes|yep|yeah|yup|sure|deal|perfect|great|fine\s+by\s+me"
          r"|works\s+for\s+me|\+1|lgtm|let'?s\s+do\s+(?:it|that|this)|good\s+(?:idea|call|plan)|great\s+(?:idea|call)|of\s+course|absolutely"
          r"|definitely|makes\s+sense|100\s*%|same\s+here|I'?m\s+in|count\s+me\s+in|\+100|no\s+objections?|fine\s+with\s+me|I'?m\s+(?:ok|fine|good)\s+with|ship\s+it|convinced|fair\b(?![,\s]+but)|go\s+ahead|I\s+think\s+so)",
    disagree=r"^\W*(?:no\b|nope|nah|not\s+sure|I\s+disagree|disagree|I\s+don'?t\s+(?:think|agree|like)|I\s+(?:would\s+)?prefer\b|I'?d\s+(?:rather|prefer)|but\b|hmm|-1\b"
             r"|I'?m\s+not\s+(?:sure|convinced)|wait\b|hold\s+on|objection|not\s+so\s+fast|ugh\b|uh[- ]?oh\b|oh\s+no\b)",
    defer=r"\b(?:revisit|think\s+(?:about\s+it|it\s+over|more)|sleep\s+on\s+it|circle\s+back|tabl(?:e|ing)\s+(?:this|it|until|till|for\s+now)|let'?s\s+not\s+(?:commit|decide|settle|rush)\b|park(?:ing|ed)?\s+(?:this|it)\b|punt\b"
          r"|need\s+(?:more\s+)?(?:the\s+)?(?:numbers|data|input|info|details)|(?:numbers|data)\s+first|let'?s\s+wait|we\s+(?:should|need\s+to|have\s+to|'ll|will|can)\s+wait|wait\s+(?:for|until|on)\s+.*\bbefore\b|waiting\s+(?:for|on)\s+.*\b(?:before|to\s+decide)\b"
          r"|until\s+we\s+(?:know|hear|have|get)|(?:check|confirm|sync|run\s+it\s+by)\s+(?:with\s+)?[^.!?]{2,40}\bfirst\b|not\s+decided|no\s+decision|undecided|pick\s+(?:this|it)\s+up|come\s+back\s+to\s+(?:this|it)|discuss\s+(?:it\s+)?(?:again|further|next)"
          r"|take\s+(?:it|this)\s+offline|(?:take|bring|put)\s+(?:it|this|that)\s+(?:to|into|on)\s+(?:the\s+|next\s+|\w+'s\s+)?(?:[\w-]+\s+){0,3}(?:meeting|sync|review|planning|standup|retro|call|1:1|offsite|agenda|discussion)|not\s+(?:going\s+to\s+)?(?:settl(?:e|ing)|call(?:ing)?|resolv(?:e|ing))\s+(?:this|it|that)\s+(?:in|here|today|now|on)\b|(?:we|I)(?:'ll|\s+will|\s+can|\s+could|\s+should)?\s+decide\s+(?:at|during|once|when\s+(?:we|I|they|the)\b)|(?:we|I)\s+decide\s+(?:at|in|during)\s+(?:the\s+|next\s+|\w+'s\s+)?(?:[\w-]+\s+){0,2}(?:meeting|sync|review|planning|standup|retro|call|offsite)|no\s+winner|it'?s\s+a\s+tie|(?:put|run|do|set\s+up|start|create)\s+(?:up\s+)?a\s+poll|whatever\s+wins|not\s+the\s+(?:right\s+)?(?:time|moment)|hold\s+off|on\s+hold|not\s+(?:ready|yet)\s+to\s+decide|before\s+we\s+decide|can'?t\s+decide"
          r"|(?:isn'?t|is\s+not|not|wasn'?t)\s+(?:yet\s+)?(?:approved|decided|confirmed|final|signed\s+off)|not\s+deciding|let\s+me\s+think|not\s+go\s+there|before\s+the\s+(?:research|data|numbers|review))\b|\b(?:and\s+)?then\s+we\s+decide\b|\b(?:decid(?:e|ing)|decision|call)\b.{0,40}?\b(?:after|once|until|till|later|next\s+(?:week|time|sprint|meeting)|tomorrow)\b|\b(?:not|n't)\s+decide\b|\bleave\s+(?:it|this|that)\s+(?:for|until|till)\b|\bnot\s+(?:today|now|this\s+(?:week|sprint|quarter))\s*[.!]*$|\bbefore\s+(?:deciding|picking|choosing|committing|we\s+(?:pick|choose|commit))\b|\b(?:and|then)\s+decide\b|\b(?:get|come)\s+back\s+to\s+(?:you|everyone|the\s+(?:thread|team))\b|\breport\s+back\b"
          # "I don't want to decide this in a thread", "not our call", "above my pay grade": the call is someone else's
          r"|\b(?:don'?t|do\s+not|doesn'?t|won'?t)\s+want\s+to\s+(?:decide|settle|call|resolve)\b|\bnot\s+(?:our|my|ours|mine|for\s+us)\s+(?:call|to\s+decide|decision)\b|\babove\s+(?:my|our)\s+pay\s+grade\b"
          r"|\b(?:can'?t|cannot|won'?t)\s+(?:finali[sz]e|decide|commit|sign\s+off|call)\b[^.;!?]*\buntil\b|\b(?:can'?t|cannot)\s+(?:settle|decide|call|resolve)\s+(?:this|it|that)\s+without\b"
          r"|\blet'?s\s+decide\s+(?:at|during|on|in|after|once|when|next|tomorrow|later)\b",
    waiting=r"\b(?:wait(?:ing)?\s+(?:for|on|until)|until\s+we\s+(?:know|hear(?:\s+(?:from|back\s+from))?|have|get|see)|(?<=until)(?=\s+(?!we\b)\w+\s+(?:answers?|confirms?|decides?|approves?|signs?\s+off|replies|gets\s+back|comes\s+back)\b)|need(?:\s+to\s+(?:see|get|hear\s+from))?|"
            r"after(?:\s+we\s+(?:get|see|hear))?|once(?:\s+we\s+(?:have|get|see|hear))?|when\s+we\s+(?:have|get|see|hear(?:\s+from)?)|decide\s+(?:at|during)|depends\s+on|blocked\s+on|pending|(?:check|confirm|sync)\s+with|run\s+it\s+by|(?:should|need\s+to|have\s+to|must)\s+ask|(?:can'?t|cannot)\s+(?:settle|decide|call|resolve)\s+(?:this|it|that)\s+without|"
            r"(?:park(?:ing|ed)?|hold(?:ing)?|tabl(?:e|ing))\s+(?:it|this|that)(?:\s+off)?\s+until)\s+(?P<what>[^.;!?]{3,80})",
    commit=rf"\b(?:I(?:'ll| will| shall)|(?<![\w'])ill\s+(?=(?:{_EN_TASK_VERBS})\b)|I(?:'m| am)\s+(?:going\s+to|gonna)|I\s+can\s+(?=(?:{_EN_TASK_VERBS})\b)|let\s+me|I'?ll\s+try\s+to|I\s+(?:can|could)\s+(?=take\s+care\s+of)"
           r"|I\s+(?=(?:take|own)\b)|(?<=\band\s)I\s+(?=(?:tell|inform|notify|brief|ping|email|call|update|send|ask|book|write|post|announce)\b)|I'?m\s+on\s+it,?\s+(?:will\s+)?|on\s+it[,.!]?\s+(?:will\s+)?|(?<!\S\s)(?<!\S)mine[,:]\s*|(?:^\W*|[,;]\s*)will\s+(?!(?:you|we|they|it|this|that|do)\b)|I\s+(?:still\s+|also\s+)?(?:need|have)\s+to\s+(?!(?:think|check\s+if|see|wait|leave|go|run\b|be|know|say|admit)\b))\s*(?!\s*(?:be\b|have\s+to\s+wait|think|see\b|guess|let\s+you\s+know\s+if|know\b|explain\b|tell\s+you\b|check\s+if\b|try\s+to\s+remember|need\b|miss\b|love\b|like\b|never\b|probably\b|always\b|let\s+you\s+know\b|get\s+back\s+to\s+(?:you|u)\b|no\b|not\b|nothing\b))(?P<what>\S.+)"
           r"|^\W*(?P<mine>[^,;:]+?)\s+(?:is|are)\s+(?:mine|on\s+me)\b|^\W*(?:leave\s+it\s+with\s+me|I(?:'ve)?\s+got\s+(?:it|this))(?:\W*$|(?:\s+@?[^\W\d_]+)?\s*[,.!])"
           r"|\bI'?m\s+(?:taking|handling|grabbing|owning|picking\s+up)\s+(?!(?:a\s+(?:break|day|look)|time|off|over)\b)(?P<what2>\S.+)"
           r"|^\W*(?P<ready>(?:the\s+|my\s+|our\s+)?(?!it\b|this\b|that\b|everything\b|we\b|they\b)[^\W\d_][\w\s-]{2,40}?)\s+will\s+be\s+(?:ready|done|up|out|finished|in\s+review)\b"
           # a plain present with a time to come, as people write English as a second language: "good, I order today", "I send you the quote in 1 hour"
           r"|\bI\s+(?P<what3>(?![a-z]+n['’]t\b)(?!(?:am|was|have|had|do|did|can|could|would|should|will|think|guess|feel|know|mean|agree|see|hope|like|love|want|need|wonder|believe|understand|prefer|just|also|only|really|already|never|always|still|got|saw|said|told|tried|found|went|left|sent|made|heard|put|thought|was|were|usually|normally|often)\b)[a-z]{3,}\b(?<!ed)[^.?!;]*?\b(?:today|tonight|tomorrow|this\s+(?:morning|afternoon|evening|week)|in\s+\d+\s*(?:min(?:ute)?s?|hours?|h)|next\s+week)\b[^.?!;]*)",
    accept=r"^\W*(?:@\S+\s+)?(?:will\s+do|on\s+it|I'?m\s+on\s+it|sure(?:\s+thing)?|ok(?:ay)?|yes|yep|yup|can\s+do|consider\s+it\s+done|got\s+it|no\s+problem|np|absolutely|of\s+course|done\b(?!\s+already)|happy\s+to|roger|ack|👍|will\s+(?:have|get)\s+it|I\s+can|I'?ll\s+(?:do|take|handle)\s+(?:it|that|this)|leave\s+it\s+with\s+me|I(?:'ve)?\s+got\s+(?:it|this)\b|noted\b|understood\b)",
    request=rf"(?:^|[\s,(])(?:{NAME}(?:\s*[,:—–])?\s+(?:also\s+)?(?:(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+|pls\s+)?|please\s+|pls\s+|you\s+(?:take|own|handle|do)\s+)"
            rf"(?P<what>.+?)(?:\?|$)|(?:can|could|would)\s+(?:you|u)\s+(?:please\s+)?(?P<what2>.+?),?\s+@?(?P<who2>[^\W\d_][\w.-]*)\s*\?"
            rf"|^\W*@?(?P<who3>[^\W\d_][\w.-]*)(?:\s*[,:—–])?\s+(?P<what3>[^?]+?)[,\s]+(?:please|pls)\s*[.!]*$"
            # a lead's imperative to someone by name: "Lin, do the hotfix properly tomorrow with a test for mixed key formats."
            rf"|^\W*@?(?P<who4>[^\W\d_][\w.-]*)\s*[,:]\s+(?P<what4>(?:do|write|send|fix|update|check|review|draft|prepare|ping|tell|book|file|add|run|set\s+up"
            rf"|schedule|merge|deploy|investigate|look\s+into|reach\s+out\s+to|follow\s+up|coordinate|post|share|create|build|revert|roll\s+back|email|ask|loop\s+in"
            rf"|order|submit|publish|announce|finish|clean\s+up|write\s+up|pair\s+with|own|take\s+care\s+of|handle)\s[^?]+?)\s*[.!]*$)",
    assign=rf"^\W*{NAME}(?:'s\s+(?:going\s+to|gonna|on(?!\s+(?:call|leave|vacation|holiday|pto|it)\b))|'ll|\s+(?:will|is\s+going\s+to|takes|owns|is\s+on|handles|can\s+take)"
           rf"|(?=\s+(?:{THIRD_PERSON_TASKS})\s))\s+(?!(?:know|be|see|like|love|think|feel|need|want|have|probably|actually|never|also\s+be)\b)(?P<what>.+)"
           r"|^\W*[-•*]?\s*@?(?P<who2>[^\W\d_][\w.-]*)\s+to\s+(?P<what2>(?!(?:be|the|a|an|me|you|us|them|him|her|it|all|everyone)\b)[^\W\d_]{2,}\b.+)"  # "Ken to send the deck"
           r"|\bassign(?:ing|ed)?\s+(?P<what3>.+?)\s+to\s+@?(?P<who3>[^\W\d_][\w.-]*)|^\W*(?P<what5>(?!(?:it|this|that|he|she|they|we|I)\b).+?)\s+(?:is|are)\s+(?:on|with)\s+@?(?P<who5>[^\W\d_][\w.-]*)\s*[.!]*$|^\W*(?P<what4>.+?)\s+(?:is|are)\s+assigned\s+to\s+@?(?P<who4>[^\W\d_][\w.-]*)",
    unassigned=r"\b(?:someone|somebody|anyone|anybody)(?:\s+else)?\s+(?:should|needs?\s+to|has\s+to|must|to)\s+(?P<what>.+)|\b(?:can|could)\s+(?:someone|somebody|anyone|anybody)(?:\s+else)?\s+(?:please\s+)?(?P<what5>[^?]+)|^\W*(?:todo|to\s*do|action(?:\s+item)?|ai|next\s+steps?)\s*[:\-]\s*(?P<what2>.+)"
               r"|\b(?:nobody|no\s+one|no\s+owner)\s+(?:yet\s+)?(?:for|on)\s+(?:the\s+)?(?P<what7>.+)"
               r"|\bwe(?:'ll|\s+will)?\s+(?:still\s+|also\s+)?(?:need|have)\s+to\s+(?P<what3>.+)|^\W*(?:still\s+)?need\s+to\s+(?P<what4>.+)"
               r"|\bwe\s+should\s+(?:also|still)\s+(?P<what6>.+)",
    answer=r"^\W*(?:good\s+q(?:uestion)?\W+)?(?:yes|yeah|yep|yup|no\b|nope|nah|sure|correct|right|exactly|I\s+think|I\s+believe|we\s+(?:do|don'?t|can|can'?t|will|won'?t|are|aren'?t|have|did)|it'?s\b|it\s+(?:is|was|does)|they\s+(?:do|are|will)"
           r"|should\s+be|probably|definitely|not\s+(?:really|yet)|only|just|because|since|that'?s|there'?s|the\s+answer|answer\s*:|afaik|iirc|according\s+to|per\s+)",
    not_known=r"\b(?:no\s+idea|not\s+sure|don'?t\s+know|dunno|idk|tbd|unclear|good\s+question|no\s+clue|nobody\s+knows|we'?ll\s+see|need\s+to\s+check|have\s+to\s+check|not\s+me"
              r"|(?:isn'?t|is\s+not|not|aren'?t|wasn'?t)\s+(?:\w+\s+)?yet)\b"
              # a hand-off or a later answer leaves it open too: "not my call, ask Greta", "I'll get you an answer Thursday"
              r"|\bnot\s+(?:my|our)\s+(?:call|decision|area)\b|\bnot\s+mine\b|\bnot\s+up\s+to\s+(?:me|us)\b|\b(?:doesn'?t|does\s+not)\s+depend\s+on\s+(?:me|us)\b|\bask\s+@?(?-i:[A-Z])\w+|\b(?:let\s+me|I'?ll|I\s+need\s+to)\s+check\s+with\b"
              r"|\bget\s+(?:you|back\s+to\s+you\s+with)\s+an\s+answer\b|\b(?:bigger|separate|longer)\s+discussion\b|\bnot\s+easily\b",
    revision=r"^\W*(?:(?:folks|all|team|everyone|guys|y'all)[,:!]?\s+)?(?:(?:ok(?:ay)?|so|alright)[,.!]?\s+)?(?:(?:actually|update|correction|change\s+of\s+plans?|scratch\s+that|new\s+plan|instead|on\s+second\s+thought|revised|moving\s+it\s+to|pushing\s+(?:it\s+)?to)\b|change\s*:)",
    conclude=r"^\W*(?:ok(?:ay)?|alright|all\s+right|right|so|then|fine|good|great|fair|cool|perfect)\b(?!\s+(?:question|point|catch|idea|one)\b)[\s,.:;!-]*",
    consent=r"(?:^|[\s.,;¿]+)(?:ok(?:ay)?|fine|alright|good|agreed|(?:any\s+)?objections|(?:any\s+)?concerns|(?:anyone|someone)\s+against|everyone\s+ok|all\s+good|sounds?\s+good|does\s+that\s+work(?:\s+for\s+(?:everyone|you(?:\s+all)?))?)\s*[?？]\s*$",
    course=COURSE_LEAD + r"\W*(?:[^\W\d_][\w\'-]*(?:[,\s]+|:\s+)){0,3}?(?:(?:can|may)\s+I\b|ok\s+(?:to|if\s+I)\b|\w+ing(?:\s+(?:it|this|now))?\s*\?$|(?:do|should|shall|can|could|must)\s+we(?!\s+(?:have|know|get|see|still|already|even|really|need)\b)|are\s+we\s+(?:going\s+to|doing|keeping))\b",
    interim=r"\b(?:in\s+the\s+meantime|meanwhile|until\s+then|till\s+then|temporar(?:y|ily)|as\s+a\s+stopgap|interim)\b",
    alternative=r"\sor\s",
    contrast=r"\b(?:but|though|however|although)\b",
    refusal=r"\b(?:we|I|you|they|it|that|this)\s+(?:really\s+|just\s+|still\s+)?(?:can'?t|cannot|won'?t|shouldn'?t|mustn'?t)\b",
    verdict=r"\b(?:is|are)\s+(?:fine|ok(?:ay)?|approved|out|off\s+the\s+table|dropped|cut)\b|\b(?:moves?|moving|slips?|(?:is|are)\s+(?:moved|pushed|postponed|deferred))\s+(?:from\s+[^,.;]{1,30}?\s+)?to\b|\bstays?\s+(?:at|in|on|as)\b",
    factual=r"^\W*(?:@?[^\W\d_][\w.-]*,\s+)?(?:is|are|was|were|does|did|has)\s+(?!(?:it\s+)?(?:better|worth|ok|okay|fine|best)\b)(?=[^?]*\sor\s)|\bwhere\s+(?:is|are|was|were|do|does|did)\s+(?!(?:we|I)\b)|\bor\s+(?:does|do|did|is|are|was|were|has|have|had|can|will|would)\s+(?!(?:we|I|you)\b)\w+|^\W*(?:do|does)\s+(?:I|we|you|they|he|she)\s+(?:need|have)\s+to\b|^\W*(?:@?[^\W\d_][\w.-]*,\s+)?(?:so\s+)?(?:did|does|is|are|was|were|has|have|do)\s+(?:you|he|she|it|they|this|that)\b(?!\s+(?:want|prefer|think)\b)|\bor\s+(?:something|not)\s*\?|^\W*(?:do\s+)?you\s+like\b|\byou\s+mean\b",
    policy=r"\b(?:from\s+now\s+on|going\s+forward|starting\s+(?:today|tomorrow|now|next|on|(?:mon|tues|wednes|thurs|fri)day)|effective\s+(?:today|immediately)|we'?re\s+(?:freezing|moving|switching|dropping|pausing|stopping|starting)\b)",
    due=r"",  # filled from _DUE_EN below
    announce=r"^\W*(?:(?:ok(?:ay)?|so|alright|fair|yes|yeah|yep|cool|great|perfect)[,.]?\s+)?(?:we'?re\s+(?=(?:extending|making|moving|shipping|dropping|keeping|switching|postponing|cancell?ing|skipping|pausing|freezing|hiring|offering)\b))?(?:extending|making\s+(?:\w+\s+)?(?:an?|the)\s+offer|hiring|going\s+with|sticking\s+with|staying\s+(?:with|on)|switching\s+to|rolling\s+back|reverting\s+to|shipping|dropping\s+(?!by|in|off)|keeping\s+(?!(?:an?\s+)?(?:eye|track)\b)|pushing\s+(?:\w+\s+){0,3}?(?:to|back)|postponing|cancell?ing|skipping|freezing|pausing|scrapping|moving\s+(?!on\b|forward\b))\b(?!\s+(?:is|was|are|were|will|would|has|had|can|could|should|might)\b)",
    options=r"\b(?:options|candidates|choices|alternatives|quotes|variants|finalists|vendors|providers|contenders)\b[^.?!:]{0,80}:|\b(?:torn|hesitating|undecided)\s+between\b|\b(?:decide|choose|pick)\s+between\b|\b(?:decide|choose|pick)\b[^.?!]{1,40}\s(?:vs\.?|versus)\s|\bvote\s*!|\bplease\s+vote\b",
    react_call=r"\b(?:react|thumbs\s+up|\+1)\b.*\bif\b|^\W*(?:please\s+)?(?:react|vote)\b",
    when=r"\bwhen\b|\bwhat\s+(?:day|date|time)\b",
    small_step=r"\blet'?s\s+(?:just\s+|quickly\s+|first\s+|all\s+)?(?:look|check|see|sync|talk|discuss|meet|chat|catch\s+up|dig|investigate|ask|figure\s+out|hop|jump|grab|get\s+on|take\s+a\s+(?:look|step\s+back)|debug|reproduce|find\s+out)\b",
    aside=r"^\W*(?:also\s*(?:\w+\s*)?:|btw\b|by\s+the\s+way|unrelated\b|side\s+note|separately\b|different\s+topic)",
    yes_no=r"^\W*(?:yes|yep|yeah|no|nope|nah|not\s+yet)\s*[,.!;:]",
    second_person=r"\b(?:you|u)\b",
    taken_back=r"\b(?:ignore\s+me|never\s*mind|nvm|scratch\s+that)\b",
    self_answered=r"^\W*(?:nvm|never\s*mind|found\s+it|found\s+the|got\s+it|figured\s+it\s+out|sorted)",
    finding_out=(r"\b(?:let\s+me\s+(?:check|ask|find\s+out|confirm|verify|look\s+into|dig)|let'?s\s+(?:ask|check\s+with)\s+(?:the\s+)?\w+|I'?ll\s+(?:ask|find\s+out|confirm|verify)\b|I'?ll\s+check\s+(?:with|and)"
                 r"|will\s+(?:tell|let)\s+(?:you|u|y'all|everyone)\b|(?:get|come)\s+back\s+to\s+(?:you|u)|good\s+q\b(?!\W+(?:yes|yeah|yep|no|nope)\b)|let'?s\s+not\s+(?:settle|decide|solve|change)"
                 r"|let'?s\s+(?:talk\s+about|figure|discuss|sort|cover)\s+(?:it|that|this)(?:\s+out)?\s+(?:at|in|during|on|offline|once|when|after)\b|need\s+to\s+figure\s+out|let\s+me\s+think\b"
                 r"|keep\s+(?:digging|investigating|looking)\s+into|depends\s+on\s+the\s+(?:contract|plan|deal|vendor)"
                 r"|ask\s+(?:the|their|our|your)\s+(?:\w+\s+)?(?:rep|vendor|lawyers?|legal|finance|manager|owner|admin|support)\b"
                 r"|(?:keep|put)\s+it\s+on\s+the\s+list|(?:^\W*|(?:at|in|for|until|till)\s+)(?:the\s+)?next\s+(?:retro|planning|review|sync|meeting|standup|1:1))"),
    suggestion=r"\b(?:have\s+you\s+tried|did\s+you\s+try|why\s+not\s+just)\b",
    who=r"\b(?:who|whom)\b",
    follow_up=r"^\W*and\b[^?？]*[?？]\s*$",
    hedge=r"^\W*(?:(?:would|could)\s+be\s+(?:nice|good|great|useful|cool|interesting)|(?:sounds\s+)?(?:nice|interesting|tempting|possible)|(?:I\s+)?(?:love|like)\s+(?:it|that|the\s+idea)|in\s+(?:principle|theory)|not\s+a\s+bad\s+idea)\b[^.!?;]*?\b(?:but|though|however|would\s+need)\b",
    hand_off=(
        r"\bescalat(?:e|es|ed|ing)\s+(?:(?:it|this|that)\s+)?to\s+(?P<what>[^.;!?,]{2,60})",
        r"\b(?:take|takes|taking|bring|brings|bringing|raise|raising|kick|kicking|run|running)\s+(?:it|this|that)\s+(?:up\s+)?(?:to|with|by|past)\s+"
        r"(?P<what>(?:the\s+|our\s+|my\s+)?(?:team\s+)?(?:leads?|leadership|management|execs?|executives?|board|directors?|steering|committee|manager|boss|vp|cto|ceo|cfo|coo|founders?)\b[^.;!?,]{0,50})",
        r"\b(?:up\s+to|for)\s+(?P<what>(?!(?:us|me|you)\b)[^.;!?,]{2,40}?)\s+to\s+(?:decide|make\s+the\s+call|sign\s+off)\b",
        r"\b(?:it'?s|that'?s|this\s+is)\s+(?P<what>(?!(?:our|my|your)\b)[^\W\d_][\w.-]*(?:\s+[^\W\d_][\w.-]*)?)'s\s+(?:call|decision)\b",
        r"\b(?P<what>(?!(?:we|I|you|they|he|she|it|who|then)\b)(?:the\s+)?(?:team\s+)?[^\W\d_][\w.-]*)\s+(?:will|should|has\s+to|have\s+to|needs?\s+to|must|gets?\s+to)\s+(?:decide|make\s+the\s+call)\b",
    ),
)

DE = Lexicon(
    decided=r"(?:\bentscheidung\s*[:\-]|\b(?:wir\s+)?(?:haben\s+)?(?:uns\s+)?entschieden\b|\bbeschlossen\b|\bbeschluss\s*[:\-]|\bmachen\s+wir\s+so\b|\bso\s+machen\s+wir'?s\b"
            r"|(?<!und\s)(?<!aber\s)(?<!weil\s)(?<!dass\s)(?<!wie\s)(?<!wo\s)(?<!ob\s)(?<!da\s)\bwir\s+(?:nehmen|gehen\s+mit|bleiben\s+bei|machen\s+das|setzen\s+auf|einigen\s+uns\s+auf)\b|\b(?:nehmen|bleiben|gehen)\s+wir\b(?!.*\?)|\bgeeinigt\b|\babgemacht\b|\bes\s+bleibt\s+bei\b|\bfestgelegt\b"
            r"|\b(?:ist\s+)?(?:final|fix|beschlossene\s+sache|entschieden)\b[.!]|\b(?:ist|sind|wurde|wurden)\s+(?:\w+\s+)?(?:freigegeben|genehmigt)\b|^\W*(?:freigegeben|genehmigt)\s*[.!]*$|\beinstimmig\b|\b(?:ist|sind|steht)\s+(?:jetzt\s+|damit\s+)?gesetzt\b)",
    settles=r"(?:^\W*(?:also|kurz|fazit|zusammengefasst)?,?\s*(?:so\s+oder\s+so|wie\s+auch\s+immer|unterm\s+strich|fazit|kurz(?:\s+gesagt)?)\s*:\s*\w|^\W*(?:ok(?:ay)?|gut|alles\s+klar|also|dann)?[\s,]*(?:abgemacht|einverstanden|passt|gebongt|geht\s+klar|beschlossen|so\s+machen\s+wir'?s|dann\s+so)\b"
            r"|\bdann\s+(?:also|eben|halt)\b|\bdann\s+\w+\s+es\s+\w+\b|\bdabei\s+bleibt\s+es\b|^\W*dann\s+\w+(?:en|ern|eln)\s*[.!]*$)" + _GO_VERDICT,
    endorse=r"^\W*(?:@\S+\s+)?(?:einverstanden|passt|gute\s+idee|finde\s+ich\s+gut|klingt\s+gut|stimme\s+zu|bin\s+dabei|bin\s+dafür|dafür\b|sehe\s+ich\s+auch\s+so|machen\s+wir|geht\s+klar|\+1|👍)",
    proposal=r"\b(?:lass(?:t)?\s+uns|dann\s+würde?\s+ich(?!\s+(?:sagen|meinen|denken|schätzen)\b)|wie\s+wäre\s+es|wie\s+wär'?s|was\s+haltet\s+ihr\s+von|ich\s+(?:schlage|schlag)\s+vor|wir\s+könnten|wir\s+sollten|sollen\s+wir|wollen\s+wir|ich\s+bin\s+für)\b|\bvorschlag\s*:",
    agree=r"^\W*(?:@\S+\s+)?(?:ja\b|jep|jo\b|klar|genau|einverstanden|passt|gute\s+idee|finde\s+ich\s+gut|klingt\s+gut|sehr\s+gut|super|perfekt|top\b|stimme\s+zu|bin\s+dabei|bin\s+dafür|dafür\b|gerne|sehe\s+ich\s+auch\s+so|machen\s+wir|geht\s+klar|ok(?:ay)?|\+1|👍|fair\b(?![,\s]+aber)|leg\s+los|mach\s+ruhig|ich\s+(?:denke|glaube)\s+schon|macht\s+Sinn|ergibt\s+Sinn|sinnvoll)",
    disagree=r"^\W*(?:nein\b|nee\b|eher\s+nicht|lieber\s+(?:nicht|erst|noch|doch|später)\b|ich\s+bin\s+dagegen|dagegen|ich\s+weiß\s+nicht|bin\s+nicht\s+sicher|aber\b|hmm|moment\b|warte\b|oh\s+je\b|mist\b)",
    defer=r"(?:\bnicht\s+(?:\w+\s+){0,4}entscheiden\b|\bnochmal\s+(?:drüber\s+)?(?:reden|sprechen|nachdenken|anschauen)|\bdrüber\s+(?:nach)?denken|\bvertagen\b|\bvertagt\b|\bnächste\s+woche\s+(?:nochmal|wieder)\b|\bwarten\s+(?:wir\s+)?(?:auf|bis)\b|\babwarten\b|\bwarten\s+wir\s+(?:\w+\s+)?ab\b|\bschauen\s+wir\s+uns\b[^.!?]*\b(?:nochmal|noch\s+mal|wieder|später)\b[^.!?]*\ban\b"
          r"|\b(?:klären|besprechen|bereden|entscheiden)\s+wir\b[^.!?]{0,40}\b(?:nächste[nr]?|kommende[nr]?|später|morgen)\b"
          r"|\bbrauchen\s+(?:erst(?:mal)?|zuerst)\b|\berst\s+(?:die\s+)?(?:zahlen|daten)\b|\bnoch\s+nicht\s+entschieden\b|\bkeine\s+entscheidung\b|\boffen\b|\bnoch\s+unklar\b|\bzurückstellen\b|\bparken\b|\b(?:drüber|darüber)\s+schlafen\b|\bbesprechen\s+wir\s+(?:(?:dann|nochmal|lieber|erst)\s+)?(?:im|am|beim|in)\b|\b(?:im|am|beim)\s+(?:jour\s+fixe|meeting|weekly|termin|daily|team-?meeting)\b.*\bbesprechen\b|\bumfrage\b|\bdann\s+sehen\s+wir\s+weiter\b|\bwird\s+(?:das\s+)?(?:hier\s+)?(?:heute\s+)?nichts\b)|\bentscheid\w*\b.*\b(?:erst|später|danach)\b|\bdann\s+entscheiden\b|\bentscheiden\s+wir,?\s+(?:dann\s+|erst\s+)?(?:wenn|sobald)\b|\bbevor\s+wir\s+(?:\w+\s+)?entscheiden\b|\bvor\s+einer\s+entscheidung\b|\b(?:ich\s+)?melde\s+mich(?:\s+(?:dann|wieder|zurück|bei\s+euch))?\b"
          r"|\bnicht\s+(?:unsere|meine)\s+entscheidung\b|\bliegt\s+nicht\s+bei\s+(?:uns|mir)\b",
    waiting=r"\b(?:(?:ab)?warten(?:\s+wir)?(?:\s+ab)?,?\s+(?:auf|bis)|vertag\w*(?:\s+(?:wir|das|es|den|die|punkt|thema)){0,3},?\s+(?:bis|auf)|brauchen\s+(?:erst(?:mal)?|zuerst|noch)|erst\s+wenn|sobald|hängt\s+(?:von|ab\s+von)|nach)\s+"
            r"(?P<what>[^.;!?]{3,80}?)(?=(?:\s+(?:nochmal|noch\s+mal|wieder|erneut|an|ab|weiter))+\s*[.;!?]?\s*$|\s*[.;!?]|\s*$)",
    commit=r"\b(?:(?:ich\s+|^\W*)(?:kümmere|kümmer)\s+mich(?:\s+(?:drum|darum)|(?=\s+um\s))?|mach\s+ich(?!\s+mir\b)|übernehm(?:e)?\s+ich|ich\s+(?:mach|übernehm)(?:'?s|e?\s+(?:das|es))(?=\s*(?:[,.!]|$))|ich\s+werde|ich\s+kann\s+(?:das\s+)?(?:machen|übernehmen))\s*(?P<what>.*)"
           r"|\bich\s+(?P<verbed>(?!(?:bin|hab|hat|kann|muss|soll|will|darf|mag|weiß|weiss|war|glaub|find|denk|mein|seh|kenn|brauch|frag\s+mich|hoff|wollt|würd|könnt|sollt|müsst|dacht|nicht|auch|noch|schon|mal|also|ja|was|das|dies|eh|halt|doch|gern|gerne|selbst|dann|jetzt|heute|morgen)\b)[^\W\d_]{3,}(?<!e)\b.*)"
           r"|\bich\s+muss\s+(?:noch\s+)?(?P<what5>(?!mir\b|mich\b|nicht\b|jetzt\s+los\b|gehen\b|weg\b)[^,;?]*?\w(?:en|ern|eln))\b"
           r"|\bich\s+(?:kann|könnte)\s+(?P<what3>(?!mir\b|mich\b|nicht\b|das\s+nicht\b)[^,;?]*?\w(?:en|ern|eln)\b(?:,?\s+(?:wie|ob|was|wo|wann|warum|welche[nrms]?)\s[^,;?]+)?)"
           r"|^\W*(?P<mine>[^,;:]+?)\s+(?:(?:ist|sind)\s+(?:meins|meine\s+sache|bei\s+mir)|(?:kann|könnte|würde)\s+ich\s+(?:gerne?\s+)?(?:übernehmen|machen|nehmen))\b"
           r"|(?:^|[,;:]\s*)(?P<pre>[^,;:?]*?)\b(?P<inv>(?!(?:bin|habe|hab|hatte|halte|halt|glaube|glaub|denke|denk|finde|find|fände|meine|würde|würd|wäre|wär|hätte|hätt|könnte|könnt|sollte|müsste|kann|muss|soll|will|darf|möchte|mag|weiß|sehe|verstehe|hoffe|kenne|fürchte|stimme|schlage|war|werde|brauche|wüsste|dachte|fand|meinte|sag|sage|finds|seh|weiss|bleibe|frage\s+mich|und|aber|oder|denn|also|dann|doch|weil|wenn|dass|ob|sonst|jetzt|hier|da|so|wie|was|wer|wo)\b)[^\W\d_]{3,})\s+ich\b(?!\s+(?:mich|mir|nicht|auch|dass)\b)(?P<what4>[^,;:?]*)"
           r"|\bich\s+(?P<what2>(?!bin\b|habe\b|glaube\b|denke\b|finde\b|fände\b|meine\b|würde\b|wäre\b|hätte\b|könnte\b|sollte\b|müsste\b|wollte\b|hatte\b|dachte\b|sehe\b|verstehe\b|schlage\b|stimme\b|hoffe\b|möchte\b|mag\b|kenne\b|fürchte\b|frage\s+mich\b|weiß\b)\w{3,}e\b.*)",
    accept=r"^\W*(?:@\S+\s+)?(?:mach\s+ich|kann\s+ich\s+(?:machen|übernehmen)|wird\s+gemacht|ich\s+kümmere\s+mich|klar\b|gerne|ok(?:ay)?|alles\s+klar|jep|ja\b|geht\s+klar|erledige\s+ich|übernehme\s+ich|kein\s+problem|passt|notiert\b|verstanden\b)",
    request=rf"(?:^|[\s,(])(?:{NAME}(?:\s*[,:—–])?\s+(?:(?:kannst|könntest|würdest|magst|möchtest|willst)\s+du\s+(?:bitte\s+)?|bitte\s+|hast\s+du\s+(?:noch\s+)?(?:kapazität|kapa|zeit|luft|bandbreite)(?:\s+(?:dafür|für))?,?\s+(?=.*\bzu\s+\w+\s*\?))(?P<what>.+?)(?:\?|$)"
            rf"|(?:kannst|könntest)\s+du\s+(?:bitte\s+)?(?P<what2>.+?),?\s+@?(?P<who2>[^\W\d_][\w.-]*)\s*\?"
            rf"|@?(?P<who3>[^\W\d_][\w.-]*)[,:]\s+(?P<inv>(?!(?:kannst|könntest|würdest|hast|bist|weißt|willst|musst|magst|möchtest|sollst|darfst)\b)\w+st)\s+du\s+(?P<what3>.+?)\s*\?)",
    assign=rf"^\W*{NAME}\s+(?:kümmert\s+sich\s+(?:um\s+)?|übernimmt|macht|schreibt|wird)\s*(?P<what>.+)"
           rf"|^\W*@?(?P<who2>[^\W\d_][\w.-]*)[,:]\s+du\s+(?P<verbed>(?!bist\b|hast\b|kannst\b|musst\b|sollst\b|willst\b|weißt\b)\w+st\b.*)",
    unassigned=r"\b(?:kann|könnte)\s+(?:bitte\s+)?(?:jemand|wer)\s+(?:bitte\s+)?(?!(?:mir|uns)\s)(?P<what5>[^?]+)|\b(?:jemand|wer)\s+(?:sollte|muss|müsste)\s+(?P<what>.+)|\bniemand\s+für\s+(?P<what8>.+)|^\W*(?:todo|to\s*do|aufgabe)\s*[:\-]\s*(?P<what2>.+)|\bwir\s+müssen\s+(?:noch\s+)?(?P<what3>.+)|^\W*(?:noch\s+)?zu\s+erledigen\s*:\s*(?P<what4>.+)"
               r"|\bwir\s+sollten\s+(?:auch|noch)\s+(?P<what6>.+)|^\W*(?P<pre>[^,;:?]+?)\s+müssen\s+wir\s+(?:noch\s+|auch\s+)?(?P<what7>[^?]+)$",
    answer=r"^\W*(?:ja\b|nein\b|jep|nee|genau|richtig|stimmt|ich\s+(?:glaube|denke)|soweit\s+ich\s+weiß|das\s+ist|es\s+ist|weil|wir\s+(?:haben|können|sind|müssen|brauchen))",
    not_known=r"\b(?:keine\s+ahnung|weiß\s+(?:ich\s+)?nicht|unklar|gute\s+frage|muss\s+ich\s+(?:nach)?prüfen|klären\s+wir|(?:muss|müssen)\s+(?:ich|wir)\s+(?:noch\s+)?(?:klären|fragen|nachfragen)|nicht\s+meine\s+entscheidung|noch\s+offen|liegt\s+nicht\s+bei\s+(?:mir|uns))\b",
    revision=r"^\W*(?:doch\s+nicht|korrektur|update|änderung|neuer\s+plan|stattdessen|planänderung|(?:(?:na\s+)?gut,?\s+|ok(?:ay)?,?\s+)?dann\s+doch|(?:(?:hmm+\s+)?ok(?:ay)?[,.]?\s+)?dann\s+(?:verschieben|schieben)\s+wir)\b",
    conclude=r"^\W*(?:ok(?:ay)?|gut|also|dann|alles\s+klar|na\s+gut)\b[\s,.:;!-]*",
    consent=r"(?:^|[\s.,;]+)(?:einverstanden|okay\s+für\s+euch|ok\s+für\s+euch|passt\s+das|(?:irgendwelche\s+)?einwände|alle\s+einverstanden|(?:jemand|wer)\s+dagegen)\s*[?？]\s*$",
    course=COURSE_LEAD + r"\W*(?:[^\W\d_][\w\'-]*[,\s]+){0,3}?(?:(?:kann|darf)\s+ich\b|(?!(?:haben|sind|wissen|hatten|waren)\s)\w+(?:en|ern|eln)\s+wir\b)",
    interim=r"\b(?:bis\s+dahin|in\s+der\s+zwischenzeit|zwischenzeitlich|vorerst|vorläufig|übergangsweise)\b",
    alternative=r"\soder\s",
    contrast=r"\b(?:aber|jedoch|allerdings|trotzdem)\b",
    refusal=r"\b(?:können|sollten|sollen|dürfen|werden)\s+wir\b[^.!?]*\bnicht\b|\bgeht\s+(?:so\s+)?nicht\b",
    verdict=r"\b(?:ist|sind)\s+(?:ok(?:ay)?|in\s+ordnung|freigegeben|raus|gestrichen)\b|\b(?:rückt|rücken|wandert|wandern|verschiebt\s+sich|wird\s+verschoben)\s+(?:auf|in|nach)\b|\bbleibt\s+(?:bei|auf|in)\b",
    factual=r"\boder\s+(?:ist|sind|war|waren|hat|haben|hatte|wird|werden|kann|können|gibt|liegt)\s+(?!(?:wir|ich|du|ihr)\b)\w+|^\W*(?:muss|müssen|brauche|brauchen)\s+(?:ich|wir)\b"
            r"|^\W*(?:[^\W\d_]+\s*,\s*)?(?:ist|sind|war|waren|hat|haben|gibt\s+es)\s+(?!(?:es\s+)?(?:besser|sinnvoller|ok|okay)\b)(?=[^?]*\soder\s)"
            r"|^\W*(?:ist|sind|war|waren|hat|hatte|haben|wird|werden)\s+(?:das|der|die|es|er|sie|du|ihr)\b",
    policy=r"\b(?:ab\s+(?:sofort|jetzt|heute|morgen|montag|dienstag|mittwoch|donnerstag|freitag|nächster\s+woche)|künftig|in\s+zukunft|ab\s+\S+\s+gilt)\b",
    due=r"",
    announce=r"^\W*(?:(?:ok(?:ay)?|gut|also|dann)[,.]?\s+)?wir\s+(?!(?:müssen|sollten|könnten|brauchen|haben|hatten|sind|waren|wissen|warten|schauen|sehen|reden|sprechen|überlegen|denken|können|wollen|werden)\b)[^\W\d_]{3,}(?:en|n)\b(?!.*\?)",
    options=r"\b(?:optionen|vorschläge|kandidaten|varianten|finalisten|anbieter|dienstleister)\b[^.?!:]{0,80}:|\b(?:schwanke|unschlüssig)\s+zwischen\b|\bzwischen\b[^.?!]{1,60}\bentscheiden\b|\babstimm(?:en|ung)\b|\bim\s+angebot\b",
    react_call=r"\breagiert\b|^\W*wenn\s+(?:ok|einverstanden)\W*$|\b(?:\+1|daumen)\b.*\bwenn\b",
    when=r"\bwann\b|\ban\s+welchem\s+tag\b",
    small_step=r"\blass(?:t)?\s+uns\s+(?:(?:mal|kurz|erst(?:mal)?)\s+)*(?:(?:in|auf|nach)\s+\S+(?:\s+\S+)?\s+)?(?:schauen|anschauen|nachsehen|prüfen|checken|reden|sprechen|telefonieren|treffen|debuggen)\b",
    aside=r"^\W*(?:übrigens|nebenbei|noch\s+was|anderes\s+thema)\b",
    yes_no=r"^\W*(?:ja|nein|noch\s+nicht)\s*[,.!;:]",
    second_person=r"\bdu\b",
    taken_back=r"\bvergiss\s+es\b",
    self_answered=r"^\W*(?:egal|(?:hab'?s?|schon)\s+gefunden)",
    finding_out=(r"\b(?:überfragt|(?:muss|müssen)\s+(?:ich|wir)\s+(?:das\s+)?(?:erst\s+|noch\s+)?(?:mit\s+\w+\s+)?(?:klären|abklären|nachfragen|checken)"
                 r"|frag(?:e)?\s+ich\s+(?:mal\s+)?nach|nicht\s+einig|(?:in\s+der\s+)?nächsten\s+(?:retro|planung|runde)|bevor\s+wir\s+uns\s+festlegen)"),
    suggestion=r"\bhast\s+du\s+(?:schon\s+)?(?:mal\s+)?\S+\s+probiert\b",
    who=r"\b(?:wer|wem)\b",
    follow_up=r"^\W*und\b[^?？]*[?？]\s*$",
    hedge=r"^\W*(?:(?:wäre|klingt)\s+(?:schön|gut|nett|interessant|sinnvoll)|interessant|möglich|theoretisch|grundsätzlich|im\s+prinzip|warum\s+nicht)\b[^.!?;]*?\b(?:aber|allerdings|nur\s+müsste|bräuchten)\b",
    hand_off=(
        r"\beskalier\w*\s+(?:(?:das|es|ich|wir)\s+){0,2}(?:an|zu|bei)\s+(?P<what>[^.;!?,]{2,60})",
        r"\bnehm\w*\s+(?:(?:ich|wir|das|es|die|den)\s+){0,2}mit\s+(?:in\s+(?:die|den|das)|zu[rm]?|ins)\s+(?P<what>[^.;!?,]{2,60})",
        r"\b(?:muss|soll|sollte|wird|müssen|sollen|sollten)\s+(?P<what>(?:die|der|das|unser\w*)\s+[^\W\d_][\w-]*(?:\s+[^\W\d_][\w-]*)?)\s+entscheiden\b",
        r"\b(?:das\s+)?entscheide[nt]\s+(?P<what>(?:die|der|das)\s+[^\W\d_][\w-]*)",
    ),
)

FR = Lexicon(
    decided=r"(?:\bc'est\s+décidé\b|\bdécision\s*[:\-]|\bon\s+a\s+(?:décidé|tranché|validé|choisi)\b|\bnous\s+avons\s+décidé\b|\bdécidé\s*[:\-]|\bon\s+part\s+sur\b(?!.*\?)"
            r"|\bon\s+(?:garde|retient|valide|prend|reste\s+sur)\b(?!.*\?)|\bc'est\s+(?:validé|acté|tranché|officiel)\b|\bvalidé\b|\bacté\b|\badopté\b|\bva\s+pour\b|\bd'accord\s+pour\b|\bà\s+l'unanimité\b|\bunanime\b|^\W*(?:oui|ok)?[,.!\s]*approuvé\b)",
    settles=r"(?:^\W*(?:donc|bref|alors)?,?\s*(?:dans\s+tous\s+les\s+cas|quoi\s+qu'il\s+arrive|en\s+résumé|bref|au\s+final)\s*:\s*\w|^\W*(?:ok(?:ay)?|bon|alors|parfait)?[\s,]*(?:ça\s+marche|entendu|d'accord|marché\s+conclu|c'est\s+bon|validé|vendu|adjugé|ok\s+pour\s+moi)\b|\bva\s+pour\b|\balors\s+c'est\b|^\W*(?:ok(?:ay)?|bon|parfait|d'accord|super)[,\s]+.+\balors\s*[.!]*$)" + _GO_VERDICT,
    endorse=r"^\W*(?:@\S+\s+)?(?:d'accord|ça\s+marche|ça\s+me\s+va|bonne\s+idée|je\s+suis\s+d'accord|validé|\+1|👍|carrément|ça\s+roule|banco)",
    proposal=r"(?:\b(?:on\s+pourrait|on\s+devrait|je\s+propose|je\s+suggère|et\s+si\s+on|pourquoi\s+pas|on\s+part\s+sur|que\s+diriez-vous|ça\s+vous\s+va"
             r"|je\s+(?:partirais\s+sur|proposerais|prendrais|choisirais|garderais|ferais)|j'irais\s+(?:sur|avec))\b|\bje\s+vote\s+pour\b|\bproposition\s*:)",
    agree=r"^\W*(?:@\S+\s+)?(?:côté\s+[\w-]+\s*[,:]?\s*)?(?:oui\b|ok(?:ay)?\b|c'est\s+(?:bon|ok)\b|d'accord|ça\s+marche|ça\s+me\s+va|parfait|super|top\b|bonne\s+idée|entendu|carrément|je\s+suis\s+d'accord|pareil|validé|\+1|👍|tout\s+à\s+fait|exactement|volontiers|ça\s+roule|nickel|c'est\s+juste|vas-y|allez-y|je\s+(?:pense|crois)\s+que\s+oui|ça\s+se\s+tient|logique\b)",
    disagree=r"^\W*(?:non\b|pas\s+d'accord|je\s+ne\s+suis\s+pas\s+(?:sûr|d'accord)|plutôt\s+pas|mais\b|hmm|attends|je\s+préfère(?:rais)?|aïe\b|mince\b)",
    defer=r"(?:\bpas\s+(?:\w+\s+){0,3}(?:décider|trancher)\b|\ben\s+pause\b|\bne\s+(?:\w+\s+){0,2}(?:décid|tranch)\w*\s+pas\b|\bon\s+en\s+(?:re)?parl(?:e|era|erons)\b|\bsondage\b|\bon\s+tranchera\b|\bpas\s+le\s+(?:bon\s+)?moment\b|\bon\s+(?:y\s+)?réfléchit\b|\by\s+réfléchir\b|\bà\s+revoir\b|\brevoir\s+(?:ça|la\s+semaine)|\breporter\b|\breporté\b|\bon\s+attend\b|\battendre\s+(?:les|le|la|que)\b|\bbesoin\s+(?:des|de|d')\s*(?:chiffres|données|infos)"
          r"|\bpas\s+encore\s+(?:décidé|tranché|validé|confirmé|approuvé|signé)e?s?\b|\bpas\s+de\s+décision\b|\bon\s+verra\b|\ben\s+suspens\b|\bla\s+semaine\s+prochaine\s+on\b)|\bdécid\w*\b.*\b(?:après|plus\s+tard|ensuite|une\s+fois)\b|\b(?:décid|tranch)\w*\s+(?:\w+\s+){0,3}(?:quand|lorsqu)|\bdécision\b.*\b(?:après|plus\s+tard)\b|\bavant\s+de\s+(?:décider|trancher|choisir)\b|\b(?:je\s+)?reviens\s+vers\s+(?:vous|toi)\b|\bje\s+vous\s+(?:redis|tiens\s+au\s+courant)\b",
    waiting=r"\b(?:attend(?:re|ons|s)?|en\s+attendant|besoin\s+d[eu']|(?:il\s+)?(?:faut|faudrait)\s+(?:voir\s+avec|demander\s+(?:à\s+l[a']\s*|aux?\s+))|il\s+faut\s+d'abord|dépend\s+d[eu']|après|une\s+fois\s+que|quand\s+(?:on\s+aura|nous\s+aurons|on\s+saura))\s+(?P<what>[^.;!?]{3,80})",
    commit=r"\b(?:je\s+m'en\s+(?:occupe|charge)|je\s+prends\s+en\s+charge|je\s+m'occupe\s+(?=d)|je\s+me\s+charge\s+(?=d)|je\s+vais|je\s+peux\s+(?:m'en\s+occuper|le\s+faire|faire|prendre))\s*(?P<what>.*)"
           r"|\bj'(?P<verbed>(?!(?:ai|avais|aurai|aime|aimerais|imagine|espère|avoue|arrive|adore|hésite|attends|étais|irais)\b)\w{3,}\b.*)"
           r"|\bje\s+dois\s+(?:encore\s+|d'abord\s+)?(?P<what4>(?!y\s+aller\b|partir\b|filer\b|y\s+réfléchir\b)(?:(?:le|la|les|l'|lui|leur|vous|te|en)\s*)?\w+(?:er|ir|re)\b.*)"
           r"|\bje\s+(?:peux|pourrai|pourrais)\s+(?P<what3>(?:(?:le|la|les|l'|lui|leur|vous|te|en)\s*)?\w+(?:er|ir|re)\b.*)"
           r"|^\W*(?P<mine>[^,;:]+?),?\s+(?:c'est\s+pour\s+moi|je\s+prends|c'est\s+moi\s+qui\s+m'en\s+occupe)\b"
           r"|\bje\s+(?:(?:vous|te|les|le|la|en|y)\s+|l'){0,2}(?P<what2>(?:(?:lui|leur)\s+)?(?!suis\b|pense\b|crois\b|sais\b|trouve\b|veux\b|voudrais\b|préfère\b|préférerais\b|pencherais\b|comprends\b|vois\b|dirais\b|n[e']|peux\b|dois\b|tiens\s+au\s+courant\b|reviens\s+vers\b|vous\b|nous\b|les\b|leur\b|lui\b|serai\b|aime\b|propose\b|suggère\b|vote\b|laisse\b|reproduis\b|confirme\s+que\b|confirme\s*(?:[,.!:]|$)|viens\s+d|trouverais\b|avais\b|étais\b)\w{3,}(?:e|s|ai)\b.*)",
    accept=r"^\W*(?:@\S+\s+)?(?:je\s+m'en\s+occupe|ça\s+marche|ok(?:ay)?|oui\b|d'accord|entendu|c'est\s+noté|noté|avec\s+plaisir|pas\s+de\s+souci|sans\s+problème|je\s+prends|compris\b)",
    request=rf"(?:^|[\s,(])(?:{NAME}(?:\s*[,:—–])?\s+(?:(?:tu\s+(?:peux|pourrais)|peux-tu|pourrais-tu|est-ce\s+que\s+tu\s+peux)\s+(?:stp\s+|s'il\s+te\s+plaît\s+)?|merci\s+de\s+|stp\s+|tu\s+(?:t'occupes|te\s+charges)\s+(?=d)\s*)(?P<what>.+?)(?:\s*\?|$)"
            rf"|(?:tu\s+peux|peux-tu|pourrais-tu)\s+(?P<what2>.+?),?\s+@?(?P<who2>[^\W\d_][\w.-]*)\s*\?"
            rf"|^\W*@?(?P<who3>[^\W\d_][\w.-]*)[,:]?\s+tu\s+(?:(?:me|nous|lui|leur|le|la|les)\s+|[lmt]')?(?P<inv>(?!(?:peux|pourrais|es|as|sais|veux|crois|penses|vois|trouves|préfères|dis)\b)\w{{3,}}s)\s+(?P<what3>[^?]+?)\s*\?"
            rf"|^\W*@?(?P<who4>[^\W\d_][\w.-]*)[,:]\s+(?P<imp>(?!(?:merci|bravo|super|bonne|bon|attends|écoute|regarde|dis|tiens|désolée?|salut|bonjour|oui|non)\b)[^\W\d_]{{3,}})(?:-(?:lui|leur|moi|nous|les|le|la|toi|en|y))?\s+(?P<what4>[^?]+?)(?:[,\s]+(?:s'il\s+te\s+pla[iî]t|s'il\s+vous\s+pla[iî]t|stp|svp))?\s*[.!]*$"
            rf"|^\W*@?(?P<who5>[^\W\d_][\w.-]*)[,:]\s+(?P<what5>[^?]+?)[,\s]+(?:s'il\s+te\s+pla[iî]t|s'il\s+vous\s+pla[iî]t|stp|svp)\s*[.!]*$)",
    assign=rf"^\W*{NAME}\s+(?:s'occupe\s+(?=d)|s'en\s+occupe|prend|va|fera|gère)\s*(?P<what>.+)"
           rf"|^\W*@?(?P<who2>[^\W\d_][\w.-]*)[,:]?\s+tu\s+(?P<verbed>(?!(?:es|as|peux|pourrais|sais|veux|crois|penses|vois|trouves|préfères|dis|fais\s+quoi)\b)\w{{3,}}s\b[^?]*)$",
    unassigned=r"\bquelqu'un\s+(?:peut|pourrait)\s+(?!(?:me|nous)\s|m')(?P<what5>[^?]+)|\bquelqu'un\s+(?:doit|devrait|peut)\s+(?P<what>.+)|\bpersonne\s+pour\s+(?P<what8>.+)|^\W*(?:todo|à\s+faire)\s*[:\-]\s*(?P<what2>.+)|\bil\s+faut\s+(?:encore\s+)?(?P<what3>.+)|\bon\s+doit\s+(?:encore\s+)?(?P<what4>.+)"
               r"|\bil\s+faudrait\s+(?:aussi\s+|encore\s+)?que\s+quelqu'un\s+(?P<what6>.+)|\bon\s+devrait\s+(?:aussi|également)\s+(?P<what7>.+)",
    answer=r"^\W*(?:oui\b|non\b|si\b|exact|effectivement|je\s+(?:pense|crois)|il\s+me\s+semble|c'est|parce\s+que|car\b|on\s+(?:a|peut|doit|est))",
    not_known=r"\b(?:aucune\s+idée|je\s+ne\s+sais\s+pas|je\s+sais\s+pas|pas\s+sûr|bonne\s+question|à\s+vérifier|ça\s+se\s+discute|(?:il\s+)?faut\s+demander\s+à|on\s+verra|pas\s+(?:ma|mon)\s+(?:décision|call)|(?:ça\s+)?ne\s+dépend\s+pas\s+de\s+(?:moi|nous))\b",
    revision=r"^\W*(?:(?:ah\s+)?(?:zut|mince|oups)[,!.]?\s+)?(?:(?:bon|ok|alors)[,!.]?\s+)?(?:finalement|en\s+fait|correction|changement(?:\s+de\s+plan)?|plutôt|on\s+(?:décale|repousse|déplace|avance)\b)\b",
    conclude=r"^\W*(?:ok(?:ay)?|bon|alors|donc|bien|d'accord|entendu)\b[\s,.:;!-]*",
    consent=r"(?:^|[\s.,;]+)(?:d'accord|ça\s+vous\s+va|ok\s+pour\s+vous|des\s+objections|(?:vous\s+êtes\s+)?tous\s+d'accord|quelqu'un\s+(?:est\s+)?contre)\s*[?？]\s*$",
    course=COURSE_LEAD + r"\W*(?:[^\W\d_][\w\'-]*[,\s]+){0,3}?(?:je\s+peux|puis-je|est-ce\s+que\s+je\s+peux|est-ce\s+qu'on|doit-on|devrait-on|peut-on|faut-il|on\s+(?!(?:a|est|sait|avait|était)\b)\w+)\b",
    interim=r"\b(?:en\s+attendant|d'ici\s+là|provisoirement|temporairement)\b",
    alternative=r"\sou\s",
    contrast=r"\b(?:mais|pourtant|cependant|toutefois)\b",
    refusal=r"\b(?:on\s+ne|nous\s+ne)\s+(?:peut|pouvons|doit|devons|devrait)\s+pas\b|\bil\s+ne\s+faut\s+pas\b",
    verdict=r"\b(?:c'est|est|sont)\s+(?:ok|bon|validée?s?|approuvée?s?|abandonnée?s?)\b|\b(?:passe|passent|glisse|(?:est|sont)\s+(?:décalée?s?|reportée?s?|repoussée?s?))\s+(?:à|en|au)\b|\breste\s+(?:à|en|au|sur)\b",
    factual=r"\bou\s+(?:est-ce\s+qu(?:e\s+|')(?!(?:on|nous|je|tu|vous)\b)|(?:c'est|il|elle|ils|elles|ça|cela)\s)|\bfaut-il\b|^\W*(?:dois-je|est-ce\s+que\s+je\s+dois)\b",
    policy=r"\b(?:à\s+partir\s+d[e']|désormais|dorénavant|dès\s+(?:aujourd'hui|demain|lundi|maintenant))",
    due=r"",
    announce=r"^\W*(?:(?:bon|alors|donc|ok)[,.]?\s+)?(?:ce\s+sera\b|on\s+(?!(?:verra|en\s+re?parle\w*|pourrait|devrait|peut|doit|sait|a\s+besoin|attend|réfléchit)\b)(?:passe|part|garde|prend|reste|lance|décale|repousse|migre|bascule|change|gèle)\b)",
    options=r"\b(?:options|propositions|candidats|devis|variantes|finalistes|fournisseurs|prestataires)\b[^.?!:]{0,80}:|\bj'hésite\s+entre\b|\b(?:choisir|trancher|décider)\s+entre\b|\bvotez\b",
    react_call=r"\bréagissez\b|\bmettez\s+un\b.*\bsi\b",
    when=r"\bquand\b|\bquel(?:le)?\s+(?:date|jour)\b",
    small_step=r"\b(?:et\s+si\s+on|on\s+pourrait)\s+(?:regardait|regarder|vérifiait|vérifier|en\s+parlait|en\s+parler|s'appelait|s'appeler)\b",
    aside=r"^\W*(?:au\s+fait|autre\s+chose|autre\s+sujet|par\s+ailleurs)\b",
    yes_no=r"^\W*(?:oui|non|pas\s+encore)\s*[,.!;:]",
    second_person=r"\b(?:tu|vous)\b",
    taken_back=r"\blaisse\s+tomber\b",
    self_answered=r"^\W*(?:laisse\s+tomber|j'ai\s+trouvé|c'est\s+bon,?\s+j'ai)",
    finding_out=r"\b(?:je\s+(?:me\s+renseigne|demande\s+à|vérifie\s+(?:avec|auprès))|on\s+en\s+reparler(?:a|ons))",
    suggestion=r"\b(?:as-tu|tu\s+as)\s+essayé\b",
    who=r"\bqui\b",
    follow_up=r"^\W*et\b[^?？]*[?？]\s*$",
    hedge=r"^\W*(?:(?:ce|ça)\s+serait\s+(?:bien|top|intéressant|utile)|possible|intéressant|pourquoi\s+pas|en\s+(?:théorie|principe))\b[^.!?;]*?\b(?:mais|par\s+contre|sauf\s+que|il\s+faudrait)\b",
    hand_off=(
        r"\bescalad\w*\s+(?:(?:ça|cela|le\s+sujet|la\s+question)\s+)?(?:à|au|aux|vers)\s+(?P<what>[^.;!?,]{2,60})",
        r"\b(?:remont|port|amèn|soumet)\w*\s+(?:(?:ça|cela|le\s+sujet|la\s+question)\s+)?(?:à|au|aux|en|devant)\s+"
        r"(?P<what>(?:la\s+|le\s+|l'|les\s+)?(?:direction|comité|codir|comex|management|managers?|leads?|responsables?|board|chefs?|réunion)[^.;!?,]{0,50})",
        r"\bc'est\s+(?:à|au|aux)\s+(?P<what>[^.;!?,]{2,40}?)\s+de\s+(?:décider|trancher)\b",
    ),
)

ES = Lexicon(
    decided=r"(?:^\W*confirmado\b|\bdecidido\b|\bdecisión\s*[:\-]|\b(?:hemos|ya)\s+decidido\b|\bdecidimos\b|\bqueda\s+(?:decidido|aprobado|así)\b|\bqueda\s+con\b(?!.*\?)|\bvamos\s+con\b(?!.*\?)|\bnos\s+quedamos\s+con\b"
            r"|\btrato\s+hecho\b|\bpor\s+unanimidad\b|\bunánime\b|\bno\s+se\s+hable\s+más\b|\bfinalmente\b.*\bvamos\b|^\W*(?:sí|vale|ok)?[,.!\s]*aprobad[oa]\b)",
    settles=r"(?:^\W*(?:entonces|pues|bueno)?,?\s*(?:en\s+cualquier\s+caso|pase\s+lo\s+que\s+pase|en\s+resumen|resumiendo|al\s+final)\s*:\s*\w|^\W*(?:ok(?:ay)?|bueno|pues|entonces)?[\s,]*(?:vale|de\s+acuerdo|hecho|trato\s+hecho|perfecto|listo|dale|cerrado|decidido)\b[.!,]|\bentonces\s+\w+\b.*\bserá\b|^\W*(?:pues|entonces)\s+\w+\W*$)" + _GO_VERDICT,
    endorse=r"^\W*(?:@\S+\s+)?(?:de\s+acuerdo|buena\s+idea|me\s+parece\s+bien|me\s+vale|estoy\s+de\s+acuerdo|\+1|👍|me\s+gusta|por\s+mí\s+bien|dale)",
    proposal=r"\b(?:propongo|sugiero|podríamos|deberíamos|qué\s+tal\s+si|y\s+si|por\s+qué\s+no|mi\s+propuesta|vamos\s+con|hagamos"
             r"|yo\s+(?:ofrecería|haría|iría\s+con|elegiría|me\s+quedaría\s+con|mantendría|propondría|usaría|dejaría))\b|\bpropuesta\s*:",
    agree=r"^\W*(?:@\S+\s+)?(?:sí\b|si\b|vale|de\s+acuerdo|perfecto|genial|buena\s+idea|me\s+parece\s+bien|me\s+vale|dale|ok(?:ay)?\b|estoy\s+de\s+acuerdo|claro|totalmente|hecho|listo|\+1|👍|me\s+gusta|por\s+mí\s+bien|es\s+justo|adelante|creo\s+que\s+sí|tiene\s+sentido)",
    disagree=r"^\W*(?:no\b|no\s+estoy\s+de\s+acuerdo|mejor\s+no|prefiero|pero\b|hmm|espera|uf\b|vaya\b)",
    defer=r"(?:\bno\s+(?:lo\s+)?(?:decid[ie]mos|decidamos|cerr[ae]mos|vamos\s+a\s+(?:decidir|cerrar))\b|\baparca(?:r|do|da|mos|mo|rlo)\b|\blo\s+(?:pensamos|hablamos|vemos|revisamos|retomamos)\b|\blo\s+dejamos\s+para\b|\b(?:esto|eso|lo|el\s+tema)\s+(?:queda|dejamos|pasamos|movemos)\s+(?:para|a)\b|\bno\s+es\s+(?:el\s+)?momento\b|\bencuesta\b|\bmás\s+adelante\b|\bvolvemos\s+a\s+(?:verlo|hablarlo)|\bpensarlo\b|\brevisar(?:lo)?\s+la\s+(?:próxima|otra)\s+semana|\besperar\s+(?:a|los|las|el)\b|\besper[ae]mos\b|\bnecesitamos\s+(?:primero\s+)?(?:los\s+)?(?:números|datos)"
          r"|\bsin\s+decisión\b|\bno\s+hemos\s+decidido\b|\bdecid(?:imos|iremos)\s+cuando\b|\ben\s+pausa\b|\bpendiente\b|\baplazar\b|\bpospon(?:er|emos)\b)|\bdecid\w*\b.*\b(?:después|más\s+tarde|luego|tras)\b|\bdecisión\b.*\b(?:después|tras|más\s+tarde)\b|\bantes\s+de\s+(?:decidir|elegir)\b|(?<!yo\s)\b(?:os|les|te)\s+(?:digo\s+algo|aviso|cuento)\b|\bvuelvo\s+a\s+escribir\b"
          r"|\bno\s+(?:quiero|queremos|voy\s+a|vamos\s+a)\s+decidir\b|\bno\s+(?:nos|me)\s+(?:toca|corresponde)\s+(?:a\s+(?:nosotros|mí)\s+)?decidir\b",
    waiting=r"\b(?:esperar\s+(?:a\s+)?|esper[ae]mos\s+(?:a\s+)?|necesitamos\s+(?:primero\s+)?|hasta\s+(?:que\s+(?:tengamos\s+|sepamos\s+|veamos\s+|recibamos\s+)?)?|depende\s+d(?=el\b)|depende\s+de(?!l\b)|pendiente\s+de|cuando\s+(?:tengamos|sepamos))\s*(?P<what>[^.;!?]{3,80})",
    commit=r"\b(?:(?:yo\s+)?me\s+encargo(?:\s+yo)?(?:\s+de)?|me\s+hago\s+cargo(?:\s+de)?|me\s+pongo\s+(?:yo\s+)?con|(?:yo\s+)?me\s+ocupo(?:\s+yo)?(?:\s+de)?|voy\s+a|lo\s+hago\s+yo|puedo\s+(?:hacer|encargarme|ocuparme))\s*(?P<what>.*)"
           r"|\bme\s+(?:sumo|apunto)\b(?=\W*$|[.,;!])"  # "dale, me sumo": in on what was asked
           r"|(?:^|\byo\s+|^\W*(?:perfecto|vale|genial|listo|bueno|dale|ok(?:ay)?)\W{1,3})"
           r"(?P<what2>(?:hago|preparo|envío|mando|escribo|reviso|actualizo|llamo|reservo|subo|arreglo|firmo|aviso|pido|organizo|publico)\b.*)"
           r"|\b(?:lo|la|los|las|les|le)\s+(?P<what3>(?!creo\b|pienso\b|sé\b|veo\b)\w{3,}o\s+yo\b.*)|\b(?P<what4>(?!creo\b|pienso\b)\w{3,}o\s+yo\b.*)"
           r"|\byo\s+(?P<what5>(?!creo\b|pienso\b|sé\b|veo\s+que\b|prefiero\b|propongo\b|estoy\b|soy\b|tengo\b|también\b|puedo\b|quiero\b|debo\b|necesito\b|seguro\b|acabo\b|voto\b|apoyo\b|opino\b|sugiero\b|insisto\b|dudo\b|odio\b|amo\b|adoro\b)\w{3,}o\b.*)|\b(?:lo|la|los|las)\s+tengo\s+list[oa]s?\b(?P<what6>.*)"
           r"|\btengo\s+que\s+(?P<what8>(?!irme\b|salir\b|pensarlo\b)\w+(?:ar|er|ir)(?:lo|la|los|las|le|les)?\b.*)"
           r"|(?<!\bno\s)\bpuedo\s+(?P<what7>(?!ser\b|estar\b)\w+(?:ar|er|ir)(?:lo|la|los|las|le|les|me|se)?\b.*)"
           r"|^\W*(?P<mine>[^,;:]+?)\s+(?:es\s+m[ií][oa]|me\s+lo\s+quedo|para\s+m[ií])\b"
           # a first word in -o read as "I <verb>" ("Mando el informe hoy"), but not a noun that a gerund, "=", ":" or
           # "es" follows ("disco bajando: 94%", "centro = 430€", "el costo es…"), nor "seguro que", "tipo", "acabo de" (just did)
           r"|(?:^\W*(?:(?:ya|hoy|mañana|ahora|luego|después|entonces|pues|así\s+que|esta\s+(?:tarde|noche|semana))\s+)?|\byo\s+|[,;]\s*(?=(?:te|le|les|lo|la|los|las|se)\s))(?:(?:te|le|les|lo|la|los|las|se)\s+){0,2}(?P<verbed>(?!(?:cambio\s+de\s+plan(?:es)?|creo|pienso|veo|prefiero|propongo|sugiero|estoy|soy|tengo|quiero|debo|necesito|espero|supongo|entiendo|opino|digo|como|cuando|pero|luego|solo|mismo|cierto|claro|bueno|todo|esto|eso|nuevo|tampoco|demasiado|ojo|listo|perfecto|hecho|dicho|puedo|voy|gracias|sobre|mientras|seguro|tipo|acabo|hubo|voto|apoyo|insisto|dudo|odio|amo|adoro)\b)(?!\w+(?:ado|ido|ada|ida)\b)(?!\w+o\s*[=:]|\w+o\s+\w+(?:ando|endo|iendo)\b|\w+o\s+(?:es|está|fue|era|son|sigue|porque|por\s+qu[eé])\b)\w{3,}o\b.*)",
    accept=r"^\W*(?:@\S+\s+)?(?:me\s+encargo|yo\s+me\s+encargo|(?:dale,?\s+)?me\s+(?:sumo|apunto)\b|hecho|vale|ok(?:ay)?|sí\b|claro|dale|perfecto|sin\s+problema|lo\s+hago|de\s+acuerdo|cuenta\s+con\s+ello|anotado\b|entendido\b)",
    request=rf"(?:^|[\s,(¿])(?:{NAME}(?:\s*[,:—–])?\s+¿?(?:(?:(?:lo|la|los|las|me|nos)\s+)?(?:puedes|podrías|pod[eé]s)\s+(?:por\s+favor\s+)?|te\s+(?:encargas|ocupas)\s+d(?=el\s)|te\s+(?:encargas|ocupas)\s+de\s+|por\s+favor\s+)(?P<what>.+?)(?:\?|$)"
            rf"|¿?(?:puedes|podrías)\s+(?P<what2>.+?),?\s+@?(?P<who2>[^\W\d_][\w.-]*)\s*\?"
            rf"|^\W*@?(?P<who3>[^\W\d_][\w.-]*)[,:]\s+¿?(?:(?:me|nos|le|les|lo|la|los|las)\s+)?(?P<inv>(?!(?:puedes|podrías|tienes|sabes|quieres|crees|estás|eres|vienes|vas)\b)\w{{3,}}[ae]s)\s+(?P<what3>[^?]+?)\s*\?"
            rf"|^\W*@?(?P<who4>[^\W\d_][\w.-]*)[,:]\s+(?:eso\s+sí,\s*|por\s+favor,?\s*)?(?P<imp>(?!(?:gracias|vale|dale|venga|mira|oye|perfecto|genial|buena|bueno|hola|sí|no|claro|eso)\b)[^\W\d_]{{3,}})\s+(?P<what4>[^?]+?)(?:[,\s]+por\s+favor)?\s*[.!]*$"
            rf"|^\W*@?(?P<who5>[^\W\d_][\w.-]*)[,:]\s+(?P<what5>[^?]+?)[,\s]+(?:por\s+favor|porfa|porfi)\s*[.!]*$)",
    assign=rf"^\W*{NAME}\s+(?:se\s+(?:encarga|ocupa)\s+d(?:e\b|(?=el\b))|va\s+a|hará|(?=(?:prepara|lleva)\s))\s*(?P<what>.+)|^\W*@?(?P<who3>[^\W\d_][\w.-]*)\s+(?=(?!(?:tiene|es|está|dice|cree|piensa|sabe|quiere|puede|debe|parece|prefiere|opina|había|era|estaba|tenía|también|ya|no|se|me|te|le|lo|la|y|o)\b)[^\W\d_]{{3,}}[ae]\s+\S)(?P<what3>.+)"  # "del demo": "el demo"; "prepara X": "preparar X"
           rf"|^\W*@?(?P<who2>[^\W\d_][\w.-]*)[,:]?\s+tú\s+(?P<verbed>(?!(?:eres|estás|tienes|puedes|sabes|quieres|crees|piensas|ves|prefieres)\b)\w{{3,}}s\b[^?]*)$",
    unassigned=r"\balguien\s+(?:puede|podría)\s+(?!(?:me|nos)\s|\w+(?:me|nos)\b)(?P<what5>[^?]+)|\balguien\s+(?:tiene\s+que|debería|debe|puede)\s+(?P<what>.+)|\bnadie\s+para\s+(?P<what7>.+)|^\W*(?:todo|pendiente|tarea)\s*[:\-]\s*(?P<what2>.+)|\bhay\s+que\s+(?P<what3>.+)|\btenemos\s+que\s+(?P<what4>.+)"
               r"|\bnecesit(?:o|amos)\s+(?:a\s+)?alguien\s+que\s+(?P<what9>.+)"
               r"|\b(?:deberíamos\s+(?:también\s+)?|habría\s+que\s+|tendríamos\s+que\s+)(?P<what6>.+)",
    answer=r"^\W*(?:sí\b|si\b|no\b|claro|exacto|creo\s+que|pienso\s+que|es\b|porque|ya\s+(?:está|lo)|tenemos)",
    not_known=r"\b(?:ni\s+idea|no\s+(?:lo\s+)?sé|no\s+estoy\s+seguro|buena\s+pregunta|hay\s+que\s+(?:ver|mirar)lo|(?:tengo|tenemos)\s+que\s+(?:hablar|preguntar|consultar)|(?:me\s+)?lo\s+tiene\s+que\s+confirmar|no\s+prometo|ya\s+veremos|(?:todavía|aún)\s+no|no\s+es\s+mi\s+decisión|no\s+depende\s+de\s+(?:mí|nosotros))\b",
    revision=r"^\W*(?:(?:al\s+final|mejor|cambio\s+de\s+plan(?:es)?|corrección|en\s+realidad)\b|cambio\s*:)",
    conclude=r"^\W*(?:ok(?:ay)?|vale|bueno|pues|entonces|de\s+acuerdo|perfecto)\b[\s,.:;!-]*",
    consent=r"(?:^|[\s.,;]+)¿?(?:vale|de\s+acuerdo|os\s+parece|les\s+parece|(?:alguna\s+)?objeci[oó]n(?:es)?|todos\s+de\s+acuerdo|alguien\s+en\s+contra)\s*[?？]\s*$",
    course=COURSE_LEAD + r"\W*(?:[^\W\d_][\w\'-]*[,\s]+){0,3}?¿?(?:puedo|tenemos\s+que|vamos\s+a|(?!(?:tenemos|sabemos|estamos|somos|habíamos|teníamos)\b)\w+(?:amos|emos|imos))\b",
    interim=r"\b(?:mientras\s+tanto|hasta\s+entonces|de\s+momento|temporalmente|provisionalmente)\b",
    alternative=r"\s[ou]\s",
    contrast=r"\b(?:pero|aunque|sin\s+embargo)\b",
    refusal=r"\bno\s+(?:podemos|debemos|deberíamos|se\s+puede|hay\s+que)\b",
    verdict=r"\b(?:está|están)\s+(?:bien|aprobad[oa]s?)\b|\b(?:pasa|pasan|se\s+mueve|se\s+retrasa|se\s+aplaza)\s+(?:a|al)\b|\bqueda(?:n)?\s+(?:fuera|para)\b|\bse\s+queda(?:n)?\s+(?:en|con)\b",
    factual=r"^\W*¿?\s*(?:ese|esa|eso|este|esta|esto)\s+[^?]*\bes\b|\bo\s+(?:es|son|está|están|hay|fue|era|tiene|tienen)\b(?!\s+mejor\b)|\bhace\s+falta\b",
    policy=r"\b(?:a\s+partir\s+de|desde\s+ahora|de\s+ahora\s+en\s+adelante|desde\s+hoy)\b",
    due=r"",
    announce=r"^\W*(?:(?:vale|bueno|pues|entonces|ok)[,.]?\s+)?(?:(?:lo|la|los|las|se)\s+)?(?!(?:tenemos|sabemos|estamos|somos|podemos|necesitamos|hablamos|vemos|pensamos|creemos|queremos|habíamos|teníamos|vamos|esperamos|dejamos|hacemos)\b)[^\W\d_]{3,}(?:amos|emos|imos)\b(?!.*\?)",
    options=r"\b(?:opciones|candidatos|propuestas|presupuestos|variantes|finalistas|proveedores)\b[^.?!:]{0,80}:|\b(?:dudo|dudando)\s+entre\b|\b(?:decidir|elegir|escoger)\s+entre\b|\bvotad\b|\bvotación\b",
    react_call=r"\breaccion(?:ad|en|a)\b",
    when=r"\bcuándo\b|\bqué\s+(?:día|fecha)\b",
    small_step=r"\b(?:podríamos|hagamos|vamos\s+a)\s+(?:mirar|revisar|hablar|hablarlo|una\s+llamada)\b",
    aside=r"^\W*(?:por\s+cierto|otra\s+cosa|otro\s+tema|aparte)\b",
    yes_no=r"^\W*(?:sí|no|todavía\s+no)\s*[,.!;:]",
    second_person=r"\busted\b",
    taken_back=r"\bolvídalo\b",
    self_answered=r"^\W*(?:ya\s+lo\s+encontré|olvídalo|déjalo)",
    finding_out=r"\b(?:(?:le|les)\s+pregunto|(?:te|os)\s+(?:digo|cuento|aviso)\s+(?:algo|luego|mañana|cuando)|lo\s+vemos\s+más\s+adelante)",
    suggestion=r"\b¿?(?:has\s+probado|probaste)\b",
    who=r"\bquién\b",
    follow_up=r"^\W*y\b[^?？]*[?？]\s*$",
    hedge=r"^\W*(?:(?:estaría|sería)\s+(?:bien|genial|interesante|útil)|posible|interesante|por\s+qué\s+no|en\s+(?:teoría|principio))\b[^.!?;]*?\b(?:pero|aunque|habría\s+que)\b",
    hand_off=(
        r"\b(?:lo\s+)?escal(?:o|amos|ar|ando|aré|aremos)\s+(?:(?:esto|eso|el\s+tema)\s+)?(?:a|con)\s+(?P<what>[^.;!?,]{2,60})",
        r"\b(?:lo\s+)?(?:llev|sub|pas)(?:o|amos|ar|aré|aremos)\s+(?:(?:esto|eso|el\s+tema)\s+)?(?:a|al)\s+"
        r"(?P<what>(?:la\s+|el\s+)?(?:dirección|comité|reunión|gerencia|jefes?|jefas?|leads?|management|junta|responsables?)[^.;!?,]{0,50})",
        r"\b(?:lo\s+)?(?:tiene|debe|tendrá|tienen|deben)\s+que\s+decidir(?:lo)?\s+(?P<what>(?:la|el|los|las)\s+[^.;!?,]{2,40})",
        r"\bque\s+(?:lo\s+)?decida[n]?\s+(?P<what>[^.;!?,]{2,40})",
    ),
)

PT = Lexicon(
    decided=r"(?:\bfechado\b|\bdecidido\b|\bdecisão\s*[:\-]|\b(?:decidimos|resolvemos)\b|\bficou\s+(?:decidido|combinado|assim)\b|\bfica\s+assim\s*:|\bvamos\s+(?:de|com)\b(?!.*\?)|\bbora\s+(?:de|com)\b(?!.*\?)"
            r"|\bficou\s+aprovado\b|\bcombinado\b|\bbatido\s+o\s+martelo\b|\bpor\s+unanimidade\b|\bunânime\b|\bconfirmado\b|\bmartelo\s+batido\b|^\W*(?:sim|ok)?[,.!\s]*aprovad[oa]\b)",
    settles=r"(?:^\W*(?:então|bom)?,?\s*(?:de\s+qualquer\s+(?:forma|jeito|maneira)|seja\s+como\s+for|resumindo|em\s+resumo|no\s+fim)\s*:\s*\w|^\W*(?:ok(?:ay)?|então|beleza|bom)?[\s,]*(?:fechado|combinado|feito|beleza|perfeito|show|tá\s+bom|está\s+bem|pode\s+ser|fechou)\b[.!,]|^\W*(?:então)\s+\w+\W*$)" + _GO_VERDICT,
    endorse=r"^\W*(?:@\S+\s+)?(?:concordo|fechado|combinado|boa\s+ideia|por\s+mim\s+ok|pode\s+ser|\+1|👍|bora|fechou|show)",
    proposal=r"\b(?:proponho|sugiro|podíamos|poderíamos|deveríamos|que\s+tal|e\s+se|por\s+que\s+não|minha\s+proposta|bora|vamos\s+(?:de|com)"
             r"|vamos\s+(?!(?:ver|pensar|esperar|aguardar|falar|conversar|decidir|precisar|ter|ficar|voltar|rever)\b)[^\W\d_]{3,}(?:ar|er|ir)(?!.*\?)"
             r"|eu\s+(?:ofereceria|faria|iria|escolheria|ficaria\s+com|manteria|proporia|usaria|deixaria))\b|\bproposta\s*:",
    agree=r"^\W*(?:@\S+\s+)?(?:sim\b|concordo|fechado|combinado|beleza|boa\b|boa\s+ideia|perfeito|ótimo|show|pode\s+ser|por\s+mim\s+ok|ok(?:ay)?\b|claro|com\s+certeza|\+1|👍|isso\b|tá\s+bom|está\s+bem|bora|fechou|justo\b|pode\s+ir|vai\s+em\s+frente|manda\s+ver|acho\s+que\s+sim|faz\s+sentido)",
    disagree=r"^\W*(?:não\b|nao\b|discordo|melhor\s+não|prefiro|mas\b|hmm|espera|eita\b|putz\b)",
    defer=r"(?:\bnão\s+(?:\w+\s+){0,2}(?:decid[oiae]\w*|fech[oa]\w*)\s+(?:agora|hoje|aqui)\b|\bpensar\s+(?:melhor|mais)\b|(?:^\W*(?:(?:então|tá|ok|bom|beleza|blz|certo|verdade)[,.]?\s+)?|\b(?:isso|isto|o\s+assunto|o\s+tema|a\s+decisão)\s+)fica\s+(?:para|pra)\b|\bdeix(?:a|amos|ar|e)\s+(?:isso\s+|isto\s+|o\s+assunto\s+)?(?:para|pra)\s+(?:depois|mais\s+tarde|outr[oa]|a\s+próxima)|\bnão\s+é\s+(?:o\s+)?momento\b|\benquete\b|\bretomamos\b|\bvoltar\s+nisso\b|\ba\s+gente\s+vê\s+(?:isso\s+)?depois\b|\bvoltamos\s+(?:a\s+)?(?:falar|nisso)|\brever\s+na\s+(?:próxima|outra)\s+semana|\besperar\s+(?:os|as|o|a|pelo|pela)\b|\baguardar\b|\baguardando\b|\bprecisamos\s+(?:primeiro\s+)?(?:dos\s+)?(?:números|dados)"
          r"|\bsem\s+decisão\b|\bainda\s+não\s+(?:decidimos|decidido)\b|\bnão\s+decidimos\s+nada\b|\bfica(?:mos|r)\s+à\s+espera\b|\bdecidimos\s+quando\b|\bem\s+aberto\b|\badiar\b|\bpendente\b)|\bdecid\w*\b.*\b(?:depois|mais\s+tarde|após)\b|\bdecisão\b.*\b(?:depois|após|mais\s+tarde)\b|\bantes\s+de\s+(?:decidir|escolher)\b|\b(?:volto|retorno)\s+(?:com\s+(?:a\s+resposta|vocês|novidades)|a\s+falar)\b|\b(?:vos|te|lhes)\s+aviso\b"
          r"|\bnão\s+(?:quero|queremos|vou|vamos)\s+decidir\b|\bnão\s+(?:somos\s+nós\s+(?:que|quem)\s+decid\w*|decidimos\s+nós|(?:nos|me)\s+cabe\s+decidir)",
    waiting=r"\b(?:esperar\s+(?:pel[oa]s?\s+)?|aguardar\s+|aguardando\s+|precisamos\s+(?:primeiro\s+)?(?:ver\s+|de\s+)?|até\s+(?:que\s+)?|depende\s+d[eoa]s?|quando\s+(?:tivermos|soubermos))\s*(?P<what>[^.;!?]{3,80})",
    commit=r"\b(?:(?:eu\s+)?fico\s+responsável\s+(?=p)|(?:eu\s+)?fico\s+com|(?:eu\s+)?cuido\s+disso|eu\s+cuido(?:\s+d[eoa])?|deixa\s+comigo|(?:pode\s+)?deixa(?:r)?\s+que\s+eu|pode\s+deixar|vou|posso\s+(?:fazer|cuidar|ficar))\s+(?P<what>.*)"
           r"|(?:^|\beu\s+)(?P<what2>(?:faço|preparo|envio|mando|escrevo|reviso|atualizo|ligo|reservo|subo|corrijo)\b.*)"
           r"|\beu\s+(?P<what3>(?!acho\b|sou\b|estou\b|tenho\b|gosto\b|penso\b|prefiro\b|quero\b|concordo\b|não\b|nao\b|sei\b|vejo\s+que\b|proponho\b|sugiro\b|curto\b|voto\b|apoio\b|amo\b|adoro\b|odeio\b|duvido\b|insisto\b|discordo\b)\w{3,}o\b.*)"
           r"|\b(?:tenho\s+que|preciso)\s+(?P<what8>(?!ir\b|sair\b|pensar\b)\w+(?:ar|er|ir)\b.*)"
           r"|\bposso\s+(?P<what7>(?!ser\b|estar\b)\w+(?:ar|er|ir)\b.*)"
           r"|^\W*(?P<mine>[^,;:]+?)\s+(?:é\s+comigo|fica\s+comigo|é\s+meu|é\s+minha|comigo(?=\s*[.!]*$))\b"
           r"|(?:^\W*(?:(?:já|hoje|amanhã|agora|depois|logo|então|hoje\s+à\s+tarde|mais\s+tarde)\s+)?(?:(?:te|lhe|lhes|se)\s+){0,2}|(?:\beu\s+|[,;]\s*(?=(?:te|lhe|lhes|o|a|os|as|se)\s))(?:(?:te|lhe|lhes|o|a|os|as|se)\s+){0,2})(?!\w+\s+\w+(?:ad|id)[oa]s?\b)(?P<verbed>(?!(?:acho|sou|estou|tenho|gosto|penso|prefiro|quero|concordo|sei|vejo|proponho|sugiro|espero|preciso|posso|devo|como|quando|isso|disso|todo|tudo|obrigado|claro|pronto|certo|bom|muito|pouco|novo|mesmo|só|também|vou|falo\s+sério|seguro|tipo|acabo|curto|voto|apoio|amo|adoro|odeio|duvido|insisto|discordo|então|não|feito)\b)(?!\w+(?:ado|ido|ada|ida)\b)(?!\w+o\s*[=:]|\w+o\s+\w+(?:ando|endo|indo)\b|\w+o\s+(?:é|está|foi|era|são|fica|continua|porque|por\s+que)\b)\w{3,}o\b.*)",
    accept=r"^\W*(?:@\S+\s+)?(?:pode\s+deixar|deixa\s+comigo|eu\s+cuido|fechado|beleza|ok(?:ay)?|sim\b|claro|combinado|feito|tranquilo|sem\s+problema|com\s+certeza|bora|anotado\b|entendido\b"
           r"|fico(?:\s+eu)?\s*(?:[,.!]|com\s+(?:isso|isto|ess[ea]s?)\b|$)|trato\s+(?:eu|disso)\b|conta\s+comigo|(?:é|fica)\s+comigo\b|[^\W\d_]{3,}o\s+sim\b)",
    request=rf"(?:^|[\s,(])(?:{NAME}(?:\s*[,:—–])?\s+(?:(?:(?:você|vc)\s+(?:pode|consegue|poderia)|pode|consegue|poderia|(?:tu\s+)?(?:podes|consegues|podias|conseguias))\s+(?:por\s+favor\s+)?|por\s+favor\s+)(?P<what>.+?)(?:\?|$)"
            rf"|(?:você\s+pode|pode|consegue)\s+(?P<what2>.+?),?\s+@?(?P<who2>[^\W\d_][\w.-]*)\s*\?"
            rf"|^\W*@(?P<who8>[^\W\d_][\w.-]*)[,:]?\s+(?:dá\s+pra|daria\s+pra|tem\s+como)\s+(?P<what8>[^?]+?)\s*\?"  # "@pedro dá pra colocar …?"
            rf"|^\W*@?(?P<who3>[^\W\d_][\w.-]*)[,:]\s+(?:você|vc)\s+(?:me\s+|nos\s+)?(?P<inv>(?!(?:pode|consegue|poderia|sabe|quer|acha|tem|está|é|vai)\b)\w{{3,}}[ae])\s+(?P<what3>[^?]+?)\s*\?"
            rf"|^\W*@?(?P<who4>[^\W\d_][\w.-]*)[,:]\s+(?P<imp>(?!(?:valeu|obrigad[oa]|boa|beleza|show|deixa|pode|olha|oi|sim|não|claro|perfeito|tranquilo|fechado)\b)[^\W\d_]{{3,}})\s+(?P<what4>[^?]+?)\s*[.!]*$"
            # asked as a question: "Fernanda, avisa o time de marketing até amanhã?" (an -ar verb's imperative, not "acha …?"),
            # "Thiago corrige o crash até sexta?" (an -er/-ir verb, the name with no comma)
            rf"|^\W*@?(?P<who7>[^\W\d_][\w.-]*)(?:[,:]\s+|\s+(?=\w+[ae]\s))(?P<imp2>(?!(?:acha|tá|está|gosta|lembra|precisa|topa|fica|cheg[oa]|vira|vota|ganha|sabe|pode|quer|deve|conhece|entende|vê|prefere|concorda|acredita|percebe|vive|bebe|come|recebe|parece|merece|existe)\b)[^\W\d_]{{3,}}[ae])\s+(?P<what7>[^?]+?)\s*\?\s*$"
            rf"|^\W*@?(?P<who5>[^\W\d_][\w.-]*)[,:]\s+(?P<what5>[^?]+?)[,\s]+(?:por\s+favor|pfv|pf)\s*[.!]*$"
            # pt-PT "Marta, ficas com isso?", "Inês, configuras tu?": the verb said to "tu"
            rf"|^\W*@?(?P<who6>[^\W\d_][\w.-]*)[,:]?\s+(?:tu\s+)?(?:me\s+|nos\s+)?(?P<inv2>(?!(?:podes|consegues|sabes|queres|achas|tens|estás|és|vais|preferes|concordas|lembras|vês|dizes)\b)\w{{3,}}(?:as|es))(?:\s+tu\b)?(?:\s+(?P<what6>[^?]+?))?\s*\?)",
    assign=rf"^\W*{NAME}\s+(?:cuida\s+d[eoa]s?|fica\s+com|vai|(?=(?:faz|prepara)\s))\s*(?P<what>.+)"  # "faz o deploy": "fazer o deploy"
           rf"|^\W*@?(?P<who2>[^\W\d_][\w.-]*)[,:]?\s+(?:você|vc)\s+(?P<verbed>(?!(?:é|está|tem|pode|sabe|quer|acha|vê|prefere)\b)\w{{3,}}\b[^?]*)$",
    # "alguém pode abrir …?", "alguém abre o ticket …?": a task put to anyone
    unassigned=r"\balguém\s+(?:(?:pode|poderia|consegue)\s+(?!(?:me|nos)\s|\w+-(?:me|nos)\b)"
               r"|(?=(?!(?:sabe|viu|acha|lembra|conhece|entende|usa|tem|pode|precisa|deveria|está|tá|é)\b)\w{3,}[ae]\s))(?P<what5>[^?]+)|\balguém\s+(?:tem\s+(?:que|de)|precisa|deveria|pode)\s+(?P<what>.+)|\bninguém\s+para\s+(?P<what7>.+)|^\W*(?:todo|pendente|tarefa)\s*[:\-]\s*(?P<what2>.+)|\btemos\s+(?:que|de)\s+(?P<what3>.+)|\bprecisamos\s+(?P<what4>.+)"
               r"|\b(?:deveríamos\s+(?:também\s+)?|teríamos\s+que\s+|a\s+gente\s+(?:precisa|tem\s+que)\s+)(?P<what6>.+)",
    answer=r"^\W*(?:sim\b|não\b|nao\b|isso\b|exato|acho\s+que|creio\s+que|é\b|porque|já\s+(?:está|tá)|temos)",
    not_known=r"\b(?:não\s+sei|nao\s+sei|sem\s+ideia|boa\s+pergunta|não\s+tenho\s+certeza|preciso\s+ver|ainda\s+não|(?:tenho|temos)\s+que\s+(?:ver|perguntar|falar)|não\s+é\s+(?:minha\s+decisão|comigo)|não\s+depende\s+de\s+(?:mim|nós))\b",
    revision=r"^\W*(?:(?:pessoal|galera|gente|time)[,:!]?\s+)?(?:fica\s+assim\s*:|(?:na\s+verdade|mudança\s+de\s+planos?|correção|melhor)\b|mudança\s*:|muda(?:mos)?\s+(?:então|tudo|o\s+plano)\s*:)",
    conclude=r"^\W*(?:ok(?:ay)?|então|beleza|bom|certo|fechado)\b[\s,.:;!-]*",
    consent=r"(?:^|[\s.,;]+)(?:pode\s+ser|beleza|fechado|(?:alguma\s+)?objeç(?:ão|ões)|todos\s+de\s+acordo|de\s+acordo|algu[ée]m\s+contra)\s*[?？]\s*$",
    course=COURSE_LEAD + r"\W*(?:[^\W\d_][\w\'-]*[,\s]+){0,3}?(?:posso|temos\s+que|a\s+gente\s+(?:faz|vai|mantém)|(?!(?:temos|sabemos|estamos|somos|tínhamos)\b)\w+(?:amos|emos|imos))\b",
    interim=r"\b(?:enquanto\s+isso|até\s+lá|por\s+enquanto|temporariamente|provisoriamente)\b",
    alternative=r"\sou\s",
    contrast=r"\b(?:mas|porém|embora|contudo)\b",
    refusal=r"\bnão\s+(?:podemos|devemos|deveríamos|dá\s+pra|pode)\b",
    verdict=r"\b(?:está|tá|estão)\s+(?:bom|ok|aprovad[oa]s?)\b|\b(?:passa|passam|fica|ficam)\s+(?:para|pra|pro)\b",
    factual=r"\bou\s+(?:é|são|está|estão|tem|têm|foi|era|há)\s(?!melhor\b)|^\W*(?:eu\s+)?preciso\s+(?:estar|ir|participar)\b",
    policy=r"\b(?:a\s+partir\s+de|daqui\s+pra\s+frente|de\s+agora\s+em\s+diante|desde\s+hoje)\b",
    due=r"",
    announce=r"^\W*(?:(?:ok|então|beleza|bom)[,.]?\s+)?(?:(?:o|a|os|as|se)\s+)?(?!(?:temos|sabemos|estamos|somos|podemos|precisamos|vamos|achamos|queremos|falamos|vemos|pensamos|esperamos|fazemos|tínhamos)\b)[^\W\d_]{3,}(?:amos|emos|imos)\b(?!.*\?)",
    options=r"\b(?:opções|candidatos|propostas|orçamentos|variantes|finalistas|fornecedores)\b[^.?!:]{0,80}:|\b(?:em\s+dúvida|dividid[oa])\s+entre\b|\b(?:decidir|escolher)\s+entre\b|\bvotem\b|\bvotação\b",
    react_call=r"\breaj(?:am|a)\b",
    when=r"\bquando\b|\bque\s+dia\b",
    small_step=r"\b(?:vamos|bora|podíamos|poderíamos)\s+(?:ver|olhar|checar|conversar|falar|verificar)\b",
    aside=r"^\W*(?:outra\s+coisa|outro\s+assunto|aliás|a\s+propósito|por\s+falar\s+nisso)\b",
    yes_no=r"^\W*(?:sim|não|ainda\s+não)\s*[,.!;:]",
    second_person=r"\b(?:tu|você|vc)\b",
    taken_back=r"\besquece\b",
    self_answered=r"^\W*(?:achei|deixa\s+pra\s+lá|esquece)",
    finding_out=r"\b(?:ainda\s+não\s+sei|(?:tenho|temos)\s+de\s+confirmar|continuo\s+a\s+investigar|dou\s+notícias|vou\s+perguntar)",
    suggestion=r"\b(?:você\s+)?já\s+tentou\b",
    who=r"\bquem\b",
    follow_up=r"^\W*e\b[^?？]*[?？]\s*$",
    hedge=r"^\W*(?:seria\s+(?:bom|legal|ótimo|interessante|útil)|possível|interessante|por\s+que\s+não|em\s+(?:teoria|princípio))\b[^.!?;]*?\b(?:mas|porém|só\s+que|teria\s+que|precisaria)\b",
    hand_off=(
        r"\bescal(?:o|amos|ar|ando|arei|aremos)\s+(?:(?:isso|isto|o\s+tema)\s+)?(?:para|pra|a|ao|à)\s+(?P<what>[^.;!?,]{2,60})",
        r"\b(?:lev|sub|pass)(?:o|amos|ar|arei|aremos)\s+(?:(?:isso|isto|o\s+tema|os\s+pontos)\s+)?(?:à|ao|para\s+a|para\s+o|pra|a)\s+"
        r"(?P<what>(?:a\s+|o\s+)?(?:reunião|diretoria|direção|liderança|gestão|comitê|comité|chefia|board|administração)[^.;!?,]{0,50})",
        r"\bquem\s+decide\s+(?:é|são)\s+(?P<what>[^.;!?,]{2,40})",
        r"\b(?:cabe|compete)\s+(?:à|ao|a)\s+(?P<what>[^.;!?,]{2,40}?)\s+decidir\b",
    ),
)

# ---- languages written without spaces (Japanese, Chinese) or in Devanagari and Arabic script ---------------------
# Japanese and Chinese put no space between words, so their patterns use no \b; Hindi's vowel signs are not \w
# in `re`, so its patterns mark word edges with white space instead. Fields a language has no cue for never match.
NEVER = r"(?!)"
_JA_NAME = rf"@?(?P<who>[^\W\d_][\w.-]*?)(?:{HONORIFICS})?"
_ZH_NAME = r"@?(?P<who>[^\W\d_][\w.-]*?)"
_HI = rf"[\w{MARKS}]"  # a letter of a Devanagari word, vowel signs included
_HI_FUTURE = rf"{_HI}+(?:ूँगा|ूँगी|ूंगा|ूंगी|ऊँगा|ऊँगी|ऊंगा|ऊंगी)"  # a first-person future verb: करूँगा, बनाऊँगी, दूँगा

JA = Lexicon(
    decided=r"決定(?:です|しました|します|事項)|で決定|に決定|決まり(?:です|ました)|決まった|確定(?:です|しました|します)|ことに(?:します|なりました)",  # not "…ことにしました": often what was tried before a question
    settles=r"それで(?:いきましょう|行きましょう|決まり)|で決まり|^\W*決まり[。!！]*$",
    proposal=r"(?:しましょう|にしましょう|ましょうか?|はどうですか|はどうでしょう|のはどう|どうでしょうか|提案(?:です|します|[:：]))",
    agree=r"^\W*(?:@\S+\s+)?(?:了解|はい|いいですね|賛成|それでいい|問題(?:ない|ありません)|大丈夫|OK|オッケー|いいと思います|同意|承知|わかりました|分かりました|もちろん|ぜひ|\+1|👍)",
    endorse=r"^\W*(?:@\S+\s+)?(?:賛成|いいですね|同意|それでいい|いいと思います|\+1|👍)",
    disagree=r"^\W*(?:いいえ|いや|でも|反対|うーん|ちょっと待って|微妙|すみません)",
    defer=r"保留|持ち帰|てから決め|次第で決め|また(?:今度|来週)|検討(?:します|しましょう|中)|考えさせて|後で?決め|まだ決まって(?:い)?ない|未定|様子を見",
    waiting=r"(?P<what>[^。！？!?、]{2,40}?)(?:を待って|待ち|次第)",
    # "私が予約します", "明日までに候補を送ります", "FAQに追加しておきます": a statement of what the speaker will do;
    # not "…ように見えます" (it looks), "…と思っております" (I think), "登録お願いします" (a request), "頑張ります"
    # (I'll do my best) or "…作りたくなったとします" (suppose), all met in haskell-jp's real log
    # "チェックリストは私が更新します、今週中に": the topic before "私が" is what the speaker takes on (not a time:
    # "今日は私が…"), and a due date may follow after a comma
    commit=r"(?:(?P<obj>(?![今明来次毎先後])[^。！!？?、,\s]{2,20}?)は)?(?:私|僕|俺|わたし|自分)(?:が|の方で|で)(?P<what>[^。！!？?]+?)(?:して|て)?(?:おきます|します|ます)(?=[。！!、,]|$)"
           r"|(?:^\W*|[、,]\s*)(?P<what2>(?![^。！!？?、]*(?:思い|あり|い|て|でき|わかり|分かり|なり|かかり|決定し|ませ|にし|気がし|気もし|ことにし|見え|おり|お願いし|頑張り|がんばり|助かり|され|られ|[たるだ]とし)ます(?:ね|よ)?[。！!]*$)[^。！!？?、]*?[きしちにびみりいえけせてねべめれ])(?:ておきます|ます)(?:ね|よ)?[。！!]*$",
    accept=r"^\W*(?:@\S+\s+)?(?:はい|了解|承知|わかりました|分かりました|やります|任せて|大丈夫です|OK|\+1|👍)",
    request=rf"{_JA_NAME}\s*[、,]\s*(?P<what>[^？?。]+?)(?:を)?(?:して|て|で)?(?:もらえますか|もらえませんか|いただけますか|いただけませんか|くれますか|ください|下さい|お願いします|お願いできますか|お願いできませんか)",
    assign=rf"^\W*{_JA_NAME}(?:が|は)(?P<what>[^。？?]+?)(?:を)?(?:担当|やる|やります|します|する)(?:予定)?(?:です)?[。!！]*$",
    unassigned=r"(?:誰か|だれか)(?:が)?(?P<what>[^。？?]+?)(?:する必要|しないと|しなければ|やらないと)|(?P<what2>[^。？?、]+?)(?:する必要があります|しないといけません|しなければなりません)",
    answer=r"^\W*(?:はい|いいえ|いや|そうです|違います|たぶん|多分|ええ)",
    # "…がわからないとなんとも言えませんが" is a caveat after an answer ("can't say for sure without knowing …")
    not_known=r"わかりません|分かりません|知りません|不明|わからない(?!と)|分からない(?!と)|いい質問|まだ(?:わから|分から|決まって)",
    revision=r"^\W*(?:やっぱり|訂正|予定変更)",
    conclude=r"^\W*(?:では|じゃあ|それでは)[、,。\s]*",
    consent=r"(?:異論はありますか|よろしいでしょうか|反対の人はいますか)\s*[?？]?\s*$",
    course=r"(?:しますか|しましょうか|でいいですか|べきですか)\s*[?？]?\s*$",
    interim=r"それまで|当面|暫定|一時的",
    alternative=r"または|それとも|どちら|どっち",
    contrast=r"でも|しかし|けど|けれど",
    refusal=r"できません|無理です",
    policy=r"今後は|これからは|以降は",
    verdict=NEVER, factual=NEVER, due="",
    aside=r"^\W*(?:ところで|別件|話は変わ)",
    self_answered=r"^\W*(?:見つかりました|解決しました)",
    suggestion=r"(?:たら|ては|てみては|れば)(?:どう|いかが)",
    who=r"誰|だれ",
)

ZH = Lexicon(
    decided=r"决定了|就这么定|确定了|敲定|拍板|说定了|就按这个",
    settles=r"^\W*(?:好|行|那)?[，,]?(?:就这么定了?|就这么办|成交)[。!！]*",
    proposal=r"要不要|要不|我们(?:可以|应该)|建议|不如|我提议|怎么样[？?]?$",
    agree=r"^\W*(?:@\S+\s+)?(?:好的?|可以|行|没问题|同意|赞成|好主意|对|是的|嗯|OK|收到|明白|当然|\+1|👍)",
    endorse=r"^\W*(?:@\S+\s+)?(?:同意|赞成|好主意|没问题|\+1|👍)",
    disagree=r"^\W*(?:不行|不同意|不对|不好|但是|可是|等等|反对|我觉得不)",
    defer=r"再(?:讨论|说|看看|商量|议|定|决定)|下次(?:周会|会议|开会)?(?:再)?讨论|以后再|先放一放|暂缓|还没(?:决定|定)|待定|考虑一下|回头再"
          r"|先不(?:定|决定)|暂不(?:定|决定)",
    waiting=r"等(?:待)?(?P<what>[^。！？!?，,]{2,30}?)(?:之后|以后|再|出来)",
    # "我来联系CDN供应商", "我会…", "我周四前导出来": the speaker's own task
    commit=r"(?:我来|我会|我去|我负责|交给我|我(?:今天|明天|后天|下周|这周|本周|周[一二三四五六日])?(?:马上|先|就|顺便|现在)(?!是))(?P<what>[^。！？!?，,]*?)[吧呢啊]?(?=[。！？!?，,]|$)"
           r"|(?:^|(?<=[，,]))(?P<what3>[^。！？!?，,我]{1,12})(?:我来|我负责|交给我)[吧]?(?=[。！？!?，,]|$)"
           r"|我(?P<what2>(?:今天|明天|后天|下周[一二三四五六日]?|这周|本周|周[一二三四五六日]|月底)(?:下班)?(?:前|之前)?(?:会|就|把)?[^。！？!?，,]+)"
           # "我查一下，明天告诉你": a work verb softened with 一下 (not "我想一下", "我说一下": thinking, talking; nor
           # "我看一下", mostly said while already looking)
           r"|我(?P<what5>(?:查|问|确认|核实|核对|跟进|联系|整理|准备|处理|安排|更新|排查|测)一下[^。！？!?，,]*)"
           # the object first, then who does it: "关机脚本我来写", "endpoint我周三前搞定"
           r"|(?:^|(?<=[，,：:]))(?:那|好)?(?P<what4>[^。！？!?，,：:我]{2,12}?)我(?:(?:今天|明天|后天|下周[一二三四五六日]?|这周|本周|周[一二三四五六日]|月底)(?:前|之前)?)?"
           r"(?:来|会|去|就)?(?:写|改|做|搞定|弄|处理|跟进|上|加|修|发|查|测|联系|负责)",
    accept=r"^\W*(?:@\S+\s+)?(?:好的?|可以|行|没问题|收到|明白|交给我|包在我身上|OK|\+1|👍)",
    request=rf"{_ZH_NAME}[，,：:\s]*(?:你|您)(?:能不能|能|可以|可不可以|来|负责|帮忙)(?P<what>[^？?。！!，,]+?)(?:吗|吧|呢)?(?=[？?。！!，,]|$)"
            rf"|(?P<who2>[^\W\d_][\w.-]*?)[，,：:]\s*(?:请|麻烦你?)(?P<what2>[^？?。！!]+)",
    assign=rf"^\W*{_ZH_NAME}(?:负责|来做|会)(?P<what>[^。！？!?]+)",
    unassigned=r"(?:需要|得|要)有人(?P<what>[^。！？!?]+)|还(?:需要|得)(?P<what2>[^。！？!?]+)",
    answer=r"^\W*(?:是的?|对|不是|没有|有|在|可以|不行|应该|大概|因为)",
    not_known=r"不知道|不清楚|不确定|好问题|这个问题好|再确认|要[^，。,]{0,8}批|还没定|待确认",
    revision=r"^\W*(?:改一下|更正|计划有变)",
    conclude=r"^\W*(?:好的?|那|行)[，,。\s]*",
    consent=r"(?:大家同意吗|有意见吗|没问题吧|行不行)\s*[？?]\s*$",
    course=r"要不要|我们(?:要|应该|可以)|是不是应该|能不能",
    interim=r"暂时|目前先|在那之前",
    alternative=r"还是|或者",
    contrast=r"但是|不过|可是",
    refusal=r"不能|不可以",
    policy=r"以后|今后|从现在开始",
    verdict=NEVER, factual=NEVER, due="",
    aside=r"^\W*(?:另外|顺便|顺带|还有个事)",
    second_person=r"你|您",
    self_answered=r"^\W*(?:找到了|算了)",
    who=r"谁",
)

HI = Lexicon(
    decided=r"तय\s+(?:हुआ|हो\s+गया|रहा|है)|फ़ैसला|फैसला|निर्णय|फाइनल\s+(?:हुआ|है)",
    settles=r"^\W*(?:ठीक\s+है[,]?\s*)?(?:तो\s+)?(?:यही\s+तय|पक्का|डन)(?=\s|[।.!]|$)",
    proposal=r"क्यों\s+न|(?:^|\s)चलो(?=\s|$)|सुझाव|मेरा\s+प्रस्ताव|(?:कर|ले|रख)\s+सकते\s+हैं",
    agree=r"^\W*(?:@\S+\s+)?(?:हाँ|हां|जी\s+हाँ|ठीक\s+है|सही|बिल्कुल|ज़रूर|जरूर|अच्छा|सहमत|मंज़ूर|ओके|मैं\s+भी|\+1|👍)",
    endorse=r"^\W*(?:@\S+\s+)?(?:सहमत|मैं\s+भी|बिल्कुल|\+1|👍)",
    disagree=r"^\W*(?:नहीं|लेकिन|मगर|रुको|असहमत)",
    defer=r"बाद\s+में\s+(?:तय|देख|बात)|के\s+बाद\s+(?:ही\s+)?तय|अगले\s+हफ्ते\s+(?:तय|देख|बात)|सोच\s+(?:कर|के)\s+बता|अभी\s+तय\s+नहीं|इंतज़ार|इंतजार",
    waiting=r"(?P<what>[^।.?!]{3,60}?)\s+(?:का|की|के)\s+(?:इंतज़ार|इंतजार)",
    # "मैं docs पूरे कर दूँगी", "release notes भेज दूँगी": a first-person future verb, not negated
    # (from the start of a clause, so "नहीं कर पाऊँगा" — "I won't manage" — is no promise)
    commit=rf"(?:^|(?<=[,،]))\s*(?:मैं\s+(?P<what>(?:(?!नहीं)[^।?!])*?{_HI_FUTURE})|(?P<what2>(?:(?!नहीं|मैं)[^।?!,])*?{_HI_FUTURE}))(?=[\s,।.!]|$)"
           # "ये मैं अंकिता से पूछ लेता हूँ", "वो मैं ले लेती हूँ": a compound verb in the present, said of oneself, is a promise
           rf"|(?:^|(?<=[,،])|\s)मैं\s+(?P<what3>(?:(?!नहीं)[^।?!,])*?\s(?:ले|दे)(?:ता|ती)\s+(?:हूँ|हूं))(?=[\s,।.!]|$)"
           # the object first, as Hindi often puts it: "test keys मैं आज शाम तक Vault में डाल दूँगा"
           rf"|(?:^|(?<=[,،]))\s*(?P<what4>(?:(?!नहीं|मैं)[^।?!,])+?\sमैं\s(?:(?!नहीं)[^।?!,])*?{_HI_FUTURE})(?=[\s,।.!]|$)",
    accept=r"^\W*(?:@\S+\s+)?(?:हाँ|हां|ठीक\s+है|ज़रूर|जरूर|बिल्कुल|ओके|हो\s+जाएगा|\+1|👍)",
    request=rf"(?:^|\s)@?(?P<who>[^\W\d_]{_HI}*)\s*[,:]\s*(?:क्या\s+)?(?:तुम|आप)\s+(?P<what>[^?]+?\s+(?:सकते|सकती))\s+(?:हो|हैं)"
            rf"|(?:^|\s)@?(?P<who2>[^\W\d_]{_HI}*)\s*[,:]\s*(?:please|कृपया)\s+(?P<what2>[^?]+)",
    assign=rf"^\W*@?(?P<who>[^\W\d_]{_HI}*)\s+(?P<what>[^।?]+?{_HI}+(?:ेगा|ेगी|एगा|एगी))(?=[\s,।.!]|$)",
    unassigned=r"(?:किसी\s+को|कोई)\s+(?P<what>[^।?]+?)\s+(?:होगा|चाहिए|पड़ेगा)|हमें\s+(?P<what2>[^।?]+?)\s+(?:होगा|चाहिए|पड़ेगा)",
    answer=r"^\W*(?:हाँ|हां|नहीं|जी|शायद|मुझे\s+लगता|क्योंकि)",
    not_known=r"पता\s+नहीं|मालूम\s+नहीं|नहीं\s+पता|अच्छा\s+सवाल|पक्का\s+नहीं",
    revision=r"^\W*(?:असल\s+में|बदलाव)",
    conclude=r"^\W*(?:ठीक\s+है|तो|अच्छा|ओके)(?=\s|[,।.!:]|$)[\s,।.!:]*",
    consent=r"(?:ठीक\s+है|सब\s+सहमत\s+हैं|कोई\s+आपत्ति)\s*[?？]\s*$",
    course=r"^\W*(?:क्या\s+)?(?:हम|मैं)\s",
    interim=r"तब\s+तक|फिलहाल|अभी\s+के\s+लिए",
    alternative=r"\s(?:या|अथवा)\s",
    contrast=r"(?:^|\s)(?:लेकिन|मगर|परंतु)(?=\s|$)",
    refusal=r"नहीं\s+कर\s+सकते|नहीं\s+हो\s+सकता",
    policy=r"आज\s+से|अब\s+से|आगे\s+से",
    verdict=NEVER, factual=NEVER, due="",
    aside=r"^\W*(?:वैसे|एक\s+और\s+बात)",
    self_answered=r"^\W*मिल\s+गया",
    finding_out=r"\b(?:pata\s+nahi|puch(?:ta|ti)\s+h[ou]{2}n|bata\s+dung[ai])",  # Hinglish: read in every thread
    who=r"कौन",
)

AR = Lexicon(
    decided=r"قررنا|تقرر|تم\s+(?:الاتفاق|القرار|الاعتماد)|القرار\s*[:：]|اتفقنا|حسمنا",
    settles=r"^\W*(?:حسنا|حسنًا|تمام|إذن)?[،,]?\s*(?:اتفقنا|موافق|ماشي)[.!]*$",
    proposal=r"أقترح|اقترح|ما\s+رأيكم|لماذا\s+لا|دعونا|(?:^|\s)لن(?=[\u0621-\u064a]{3,})|الاقتراح\s*[:：]",
    agree=r"^\W*(?:@\S+\s+)?(?:نعم|موافق|أوافق|أتفق|حسنا|حسنًا|تمام|ممتاز|فكرة\s+جيدة|بالتأكيد|طبعا|أكيد|ماشي|\+1|👍)",
    endorse=r"^\W*(?:@\S+\s+)?(?:موافق|أوافق|أتفق|فكرة\s+جيدة|\+1|👍)",
    disagree=r"^\W*(?:لا(?=\s|[،,.]|$)|لكن|أعترض|غير\s+موافق|لا\s+أوافق|انتظر)",
    defer=r"نؤجل\s+القرار|نناقش\s+(?:هذا\s+)?(?:لاحقا|لاحقًا|الأسبوع\s+القادم)|لم\s+نقرر|لا\s+قرار|سأعود\s+إليكم|(?:يجب|علينا)\s+(?:أن\s+)?[^.؟?!]*(?:أولا|أولاً)",
    waiting=r"(?:ننتظر|انتظار|بعد\s+أن\s+(?:نعرف|نحصل\s+على)|حتى\s+(?:نعرف|نسمع\s+من))\s+(?P<what>[^.؟?!،]{3,60})",
    # "سأقوم بتصميم الإعلانات", "سأرسلها غدا", "سوف أتحدث معهم": the future prefix on a first-person verb
    commit=r"(?:^|\s)(?:أنا\s+)?(?:سأقوم|سوف\s+أقوم)\s+ب(?P<what>[^.؟?!]+)"
           r"|(?:^|\s)(?:أنا\s+)?(?:س|سوف\s+)(?P<what2>أ(?!ل(?:ت|نا|وا|ه|ها)?(?:\s|$))[\u0621-\u064a]{2,}(?:\s[^.؟?!]*)?)"
           r"|(?:^|\s)(?:أنا\s+)?(?:عل[يّ]+\s+أن|أتكفل\s+ب)\s*(?P<what3>[^.؟?!]+)"
           r"|(?:^|\s)و?أنا\s+ب(?P<what6>[\u0621-\u064a]{3,}(?:\s[^.؟?!]*)?)"  # Gulf and Levantine: "وأنا بضيف الـ key …"
           r"|(?:^|\s)(?:أنا\s+)?(?:راح|رح)\s+(?P<what4>أ[\u0621-\u064a]{2,}(?:\s[^.؟?!]*)?)"
           r"|(?:^|\s)أنا\s+(?P<what5>أ(?!عتقد|ظن|فضل|وافق|تفق|عرف|رى)[\u0621-\u064a]{2,}(?:\s[^.؟?!]*)?)",
    accept=r"^\W*(?:@\S+\s+)?(?:نعم|حسنا|حسنًا|تمام|حاضر|بكل\s+سرور|بالتأكيد|أكيد|ماشي|اتركها\s+لي|اتركه\s+لي|\+1|👍)",
    request=rf"(?:^|\s){NAME}\s*[،,:]?\s*(?:هل\s+)?(?:يمكنك|تستطيع|تقدر|تقدرين|ممكن|بإمكانك|أرجو\s+أن|من\s+فضلك|لو\s+سمحت|رجاء[ًا]?)\s+(?P<what>[^؟?]+?)\s*(?:[؟?]|$)",
    assign=rf"^\W*{NAME}\s+(?:سي|ست)(?P<what>[\u0621-\u064a]{{2,}}(?:\s[^.؟?!]*)?)",
    unassigned=r"(?:يجب|علينا|لازم|نحتاج)\s+(?:أن\s+)?(?P<what>[^.؟?!]+)|(?:أحد|شخص\s+ما)\s+(?:يجب\s+أن\s+)?(?P<what2>[^.؟?!]+)",
    answer=r"^\W*(?:نعم|لا(?=\s|[،,.]|$)|ربما|أعتقد|أظن|لأن|يوجد|هناك|حوالي)",
    not_known=r"لا\s+أعرف|لا\s+أدري|لست\s+متأكد|سؤال\s+جيد|لا\s+فكرة|مش\s+عارف|ما\s+أعرف|لسه|لسا|ما\s+رد|لم\s+يرد|بعد\s+ما",
    revision=r"^\W*(?:في\s+الحقيقة|تغيير\s+(?:في\s+)?الخطة|تصحيح)",
    conclude=r"^\W*(?:حسنا|حسنًا|تمام|إذن|طيب)(?=\s|[،,.:!]|$)[\s،,.:!]*",
    consent=r"(?:موافقون|أي\s+اعتراض|هل\s+الجميع\s+موافق)\s*[؟?]\s*$",
    course=r"^\W*(?:هل\s+)?(?:ن[\u0621-\u064a]{3,}|يمكننا|نستطيع|أستطيع|يمكنني)",
    interim=r"في\s+الوقت\s+الحالي|مؤقتا|حتى\s+ذلك\s+الحين",
    alternative=r"\s(?:أم|أو)\s",
    contrast=r"(?:^|\s)(?:لكن|ولكن|بينما)(?=\s|$)",
    refusal=r"لا\s+(?:يمكننا|نستطيع)|لن\s+نستطيع",
    policy=r"من\s+الآن|ابتداء\s+من|اعتبارا\s+من",
    verdict=NEVER, factual=NEVER, due="",
    aside=r"^\W*(?:بالمناسبة|على\s+فكرة)",
    self_answered=r"^\W*(?:لقيته|لقيتها|وجدته|وجدتها)",
    who=r"(?:^|\s)و?(?:من|مين)\s",
)

IT = Lexicon(
    decided=r"(?:^\W*confermato\b|\bdeciso\b|\bdecisione\s*[:\-]|\babbiamo\s+deciso\b|\bdecidiamo\b|\bsi\s+va\s+(?:con|su|a|per)\b(?!.*\?)|\bandiamo\s+(?:con|su)\b(?!.*\?)"
            r"|\baffare\s+fatto\b|\ball'unanimità\b|\bunanimi\b|\bvada\s+per\b|^\W*(?:sì|ok)?[,.!\s]*approvat[oa]\b)",
    settles=r"(?:^\W*(?:allora|quindi|ok)?,?\s*(?:in\s+ogni\s+caso|comunque\s+vada|riassumendo|in\s+sintesi|alla\s+fine)\s*:\s*\w|^\W*(?:ok(?:ay)?|bene|allora|quindi)?[\s,]*(?:va\s+bene|d'accordo|fatto|affare\s+fatto|perfetto|deciso|andata)\b[.!,]|^\W*(?:allora|quindi)\s+\w+\W*$)",
    endorse=r"^\W*(?:@\S+\s+)?(?:d'accordo|buona\s+idea|ottima\s+idea|per\s+me\s+(?:va\s+bene|ok)|mi\s+va\s+bene|sono\s+d'accordo|\+1|👍|mi\s+piace|vada\s+per)",
    proposal=r"\b(?:propongo|suggerisco|potremmo|dovremmo|che\s+ne\s+dite|e\s+se|perché\s+non|la\s+mia\s+proposta|facciamo|andiamo\s+con)\b|\bproposta\s*:",
    agree=r"^\W*(?:@\S+\s+)?(?:sì\b|si\b|va\s+bene|d'accordo|perfetto|ottimo|ottima\s+idea|buona\s+idea|per\s+me\s+(?:va\s+bene|ok)|mi\s+va\s+bene|ok(?:ay)?\b|sono\s+d'accordo|certo|assolutamente|esatto|fatto|\+1|👍|mi\s+piace|vada\s+per|giusto|top\b|credo\s+di\s+sì)",
    disagree=r"^\W*(?:no\b|non\s+sono\s+d'accordo|meglio\s+di\s+no|preferisco|preferirei|ma\b|però\b|hmm|aspetta|mah\b)",
    defer=r"(?:\bne\s+riparliamo\b|\bci\s+(?:pensiamo|penso|ragioniamo)\s+(?:su|ancora|meglio)?|\brimand(?:iamo|are|iamolo)\b|\brinvi(?:amo|are)\b|\b(?:vediamo|decidiamo|parliamo(?:ne)?)\s+(?:più\s+avanti|dopo|la\s+prossima\s+settimana|in\s+seguito|quando|appena|una\s+volta)\b|\bnon\s+(?:lo\s+)?decidiamo\b|\bin\s+sospeso\b|\bsondaggio\b|\bnon\s+è\s+il\s+momento\b"
          r"|\baspettiamo\b|\baspettare\s+(?:i|il|la|le|lo|gli)\b|\bservono\s+(?:prima\s+)?(?:i\s+)?(?:numeri|dati)|\bsenza\s+decisione\b|\bnon\s+abbiamo\s+(?:ancora\s+)?deciso\b|\bprima\s+di\s+(?:decidere|scegliere)\b|\bvi\s+(?:faccio\s+sapere|aggiorno)\b)",
    waiting=r"\b(?:aspettare\s+(?:che\s+)?|aspettiamo\s+(?:che\s+)?|servono\s+(?:prima\s+)?|finché\s+(?:non\s+)?|dipende\s+da|in\s+attesa\s+d[ie]|quando\s+(?:avremo|sapremo))\s*(?P<what>[^.;!?]{3,80})",
    commit=r"\b(?:(?:io\s+)?me\s+ne\s+occupo(?:\s+io)?|(?:io\s+)?mi\s+occupo(?:\s+io)?(?:\s+d[ie]l?l?[aoei]?)?|me\s+ne\s+faccio\s+carico|ci\s+penso\s+io(?:\s+a)?|lo\s+faccio\s+io|posso\s+occuparmi\s+d[ie])\s*(?P<what>.*)"
           r"|(?:^|\bio\s+)(?P<what2>(?:faccio|preparo|mando|invio|scrivo|controllo|aggiorno|chiamo|prenoto|sistemo|blocco|sento|verifico|giro|carico)\b.*)"
           r"|\b(?:lo|la|li|le|gli|ne)\s+(?P<what3>(?!credo\b|penso\b|so\b|vedo\b)\w{3,}o\s+io\b.*)"
           r"|\bio\s+(?P<what5>(?!credo\b|penso\b|so\b|vedo\b|preferisco\b|propongo\b|sono\b|ho\b|anche\b|posso\b|voglio\b|devo\b|ci\b|non\b)\w{3,}o\b.*)"
           r"|\b(?P<what4>(?!però\b|perciò\b|cioè\b)\w{2,}(?:erò|irò|arò)\b.*)"
           r"|\bdevo\s+(?P<what8>(?!andare\b|scappare\b|pensarci\b)\w+(?:are|ere|ire)\b.*)"
           r"|\bposso\s+(?P<what7>(?!essere\b|stare\b)\w+(?:are|ere|ire)(?:lo|la|li|le)?\b.*)"
           r"|^\W*(?P<mine>[^,;:]+?)\s+(?:è\s+mi[oa]|lo\s+prendo\s+io|la\s+prendo\s+io)\b"
           r"|(?:^\W*(?:(?:sì|ok|già|oggi|domani|adesso|ora|subito|dopo|allora|quindi|stasera|stamattina)[,\s]+){1,2}|\bio\s+)(?:(?:lo|la|li|le|gli|ne|ti|vi|ci)\s+){0,2}(?P<verbed>(?!(?:credo|penso|vedo|preferisco|propongo|suggerisco|sono|ho|voglio|devo|spero|suppongo|capisco|dico|come|quando|però|dopo|solo|tutto|questo|quello|nuovo|nemmeno|troppo|pronto|perfetto|fatto|detto|posso|vado|grazie|sopra|mentre|anno|tempo|modo|caso|punto|giorno|lavoro|minuto|secondo)\b)(?!\w+(?:ato|ito|uto|ata|ita|uta)\b)\w{3,}o\b.*)",
    accept=r"^\W*(?:@\S+\s+)?(?:me\s+ne\s+occupo|ci\s+penso\s+io|fatto|va\s+bene|ok(?:ay)?|sì\b|certo|perfetto|nessun\s+problema|lo\s+faccio|d'accordo|volentieri|ricevuto|contaci)",
    request=rf"(?:^|[\s,(])(?:{NAME}(?:\s*[,:—–])?\s+(?:(?:puoi|potresti|riesci\s+a|ti\s+occupi\s+(?:tu\s+)?d[ie]l?l?[aoei]?|te\s+ne\s+occupi)\s+(?:per\s+favore\s+)?|per\s+favore\s+)(?P<what>.+?)(?:\?|$)"
            rf"|(?:puoi|potresti)\s+(?P<what2>.+?),?\s+@?(?P<who2>[^\W\d_][\w.-]*)\s*\?"
            rf"|^\W*@?(?P<who3>[^\W\d_][\w.-]*)[,:]\s+(?:(?:mi|ci|gli|le|lo|la|li|ne)\s+)?(?P<inv>(?!(?:puoi|sai|vuoi|credi|sei|hai|vieni|vai|pensi|dici)\b)\w{{3,}}i)\s+(?:tu\s+)?(?P<what3>[^?]+?)\s*\?"
            rf"|^\W*@?(?P<who4>[^\W\d_][\w.-]*)[,:]\s+(?:per\s+favore,?\s*)?(?P<imp>(?!(?:grazie|ok|dai|ecco|guarda|senti|perfetto|ottimo|bene|ciao|sì|no|certo|questo)\b)[^\W\d_]{{3,}}[ai])\s+(?P<what4>[^?]+?)(?:[,\s]+per\s+favore)?\s*[.!]*$"
            rf"|^\W*@?(?P<who5>[^\W\d_][\w.-]*)[,:]\s+(?P<what5>[^?]+?)[,\s]+per\s+favore\s*[.!]*$)",
    assign=rf"^\W*{NAME}\s+(?:si\s+occupa\s+d[ie]l?l?[aoei]?|se\s+ne\s+occupa|pensa\s+a|farà|prepara|porta)\s*(?P<what>.+)"
           rf"|^\W*@?(?P<who2>[^\W\d_][\w.-]*)[,:]?\s+tu\s+(?P<verbed>(?!(?:sei|stai|hai|puoi|sai|vuoi|credi|pensi|vedi|preferisci)\b)\w{{3,}}i\b[^?]*)$",
    unassigned=r"\bqualcuno\s+(?:deve|dovrebbe|può|potrebbe)\s+(?P<what>.+)|\bnessuno\s+per\s+(?P<what7>.+)|^\W*(?:todo|da\s+fare)\s*[:\-]\s*(?P<what2>.+)|\bbisogna\s+(?P<what3>.+)|\bdobbiamo\s+(?P<what4>.+)"
               r"|\b(?:dovremmo\s+(?:anche\s+)?|servirebbe\s+|bisognerebbe\s+)(?P<what6>.+)",
    answer=r"^\W*(?:sì\b|si\b|no\b|certo|esatto|credo\s+(?:che|di)|penso\s+(?:che|di)|è\b|perché|dicono\s+di\s+(?:sì|no)|abbiamo|c'è)",
    not_known=r"\b(?:non\s+(?:lo\s+)?so|boh|non\s+sono\s+sicur[oa]|bella\s+domanda|bisogna\s+vedere|(?:devo|dobbiamo)\s+(?:chiedere|sentire|verificare)|non\s+(?:è\s+una\s+mia\s+decisione|dipende\s+da\s+(?:me|noi))|(?:non\s+)?ancora\s+(?:no|niente)|vediamo\s+più\s+avanti)\b",
    revision=r"^\W*(?:alla\s+fine|anzi|cambio\s+di\s+(?:programma|piano)|correzione|in\s+realtà)\b",
    conclude=r"^\W*(?:ok(?:ay)?|va\s+bene|bene|allora|quindi|d'accordo|perfetto)\b[\s,.:;!-]*",
    consent=r"(?:^|[\s.,;]+)(?:va\s+bene|d'accordo|siete\s+d'accordo|obiezioni|tutti\s+d'accordo|qualcuno\s+contrario)\s*[?？]\s*$",
    course=COURSE_LEAD + r"\W*(?:[^\W\d_][\w\'-]*[,\s]+){0,3}?(?:posso|dobbiamo|possiamo|(?!(?:abbiamo|sappiamo|siamo|avevamo)\b)\w+iamo)\b",
    interim=r"\b(?:nel\s+frattempo|per\s+ora|per\s+il\s+momento|temporaneamente|intanto)\b",
    alternative=r"\s(?:o|oppure)\s",
    contrast=r"\b(?:ma|però|tuttavia|anche\s+se)\b",
    refusal=r"\bnon\s+(?:possiamo|dobbiamo|dovremmo|si\s+può)\b",
    verdict=r"\b(?:è|sono)\s+(?:approvat[oaie]|ok)\b|\b(?:slitta|slittano|passa|passano)\s+a\b|\b(?:resta|restano|rimane|rimangono)\s+(?:fuori|così)\b",
    factual=r"\b(?:o|oppure)\s+(?:è|sono|c'è|ci\s+sono|ha|hanno)\b",
    policy=r"\b(?:d'ora\s+in\s+poi|da\s+ora\s+in\s+poi|a\s+partire\s+da|da\s+oggi)\b",
    due=r"",
    announce=r"^\W*(?:(?:ok|bene|allora|quindi)[,.]?\s+)?(?!(?:abbiamo|sappiamo|siamo|possiamo|dobbiamo|parliamo|vediamo|pensiamo|crediamo|vogliamo|avevamo|aspettiamo|facciamo)\b)[^\W\d_]{3,}iamo\b(?!.*\?)",
    options=r"\b(?:opzioni|proposte|candidati|preventivi)\b[^.?!:]{0,80}:|\bvotate\b|\bvotazione\b",
    react_call=r"\bvotate\s+con\s+la\s+reaction\b|\breagite\b",
    when=r"\bquando\b|\b(?:che|quale)\s+(?:giorno|data)\b",
    small_step=r"\b(?:potremmo|facciamo|andiamo\s+a)\s+(?:guardare|controllare|sentirci|parlarne|una\s+call)\b",
    aside=r"^\W*(?:a\s+proposito|un'altra\s+cosa|altro\s+tema|tra\s+l'altro)\b",
    second_person=r"\btu\b",
    finding_out=r"\b(?:chiedo|sento)\s+(?:a|conferma)",
    follow_up=r"^\W*e\b[^?？]*[?？]\s*$",
    hedge=r"^\W*(?:sarebbe\s+(?:bello|utile|interessante)|possibile|interessante|perché\s+no|in\s+(?:teoria|linea\s+di\s+principio))\b[^.!?;]*?\b(?:ma|però|bisognerebbe)\b",
)

# ---- Dutch, Polish, Russian, Swedish, Turkish, Korean (issue 12) ---------------------------------------------------
# Written from how people write at work in each language; the verbs of Dutch, Polish, Russian and Swedish tasks
# become infinitives through simplemma (verbs.py), Turkish ones the -mak/-mek infinitive, Korean ones the -기 to-do form.

NL = Lexicon(
    decided=r"(?:\bbeslissing\s*[:\-]|\bbesluit\s*[:\-]|\b(?:we\s+)?(?:hebben\s+)?(?:besloten|gekozen\s+voor)\b|\bknoop\s+(?:is\s+)?doorgehakt\b|\bzo\s+doen\s+we\s+het\b|\bdoen\s+we\s+zo\b|\bafgesproken\b"
            r"|(?<!als\s)(?<!of\s)(?<!dat\s)\bwe\s+(?:gaan\s+(?:voor|met)|kiezen\s+voor|houden\s+(?:het\s+)?(?:bij|op)|blijven\s+bij|nemen)\b(?!.*\?)|\b(?:gaan|kiezen|blijven|nemen)\s+we\s+(?:voor|bij|met)?\b(?!.*\?)"
            r"|\bdan\s+wordt\s+het\b|\b(?:is|zijn|wordt|werd)\s+(?:\w+\s+)?goedgekeurd\b|^\W*goedgekeurd\s*[.!]*$|\bunaniem\b|\bdefinitief\b[.!]|\bstaat\s+(?:nu\s+)?vast\b|\bvastgelegd\b)",
    settles=r"(?:^\W*(?:dus|kortom|samengevat|conclusie)?,?\s*(?:hoe\s+dan\s+ook|kortom|samengevat|conclusie|al\s+met\s+al)\s*:\s*\w|^\W*(?:ok(?:é|e|ay)?|goed|prima|top|dan)?[\s,]*(?:afgesproken|deal|akkoord|geregeld|doen\s+we(?:\s+zo)?|zo\s+doen\s+we\s+het|dan\s+doen\s+we\s+dat)\b"
            r"|\bdan\s+wordt\s+het\b|\bdan\s+(?:maar|dus)\s+\w+|\bdaar\s+blijft\s+het\s+bij\b)",
    endorse=r"^\W*(?:@\S+\s+)?(?:akkoord|eens\b|mee\s+eens|helemaal\s+mee\s+eens|goed\s+idee|lijkt\s+me\s+(?:goed|prima|een\s+goed\s+plan)|klinkt\s+goed|ben\s+ik\s+voor|ik\s+ben\s+voor|voor\s+mij\s+(?:prima|goed|ok)|prima\b|\+1|👍)",
    proposal=r"\b(?:laten\s+we|zullen\s+we|wat\s+(?:als\s+we|vinden\s+jullie\s+van)|ik\s+stel\s+voor|mijn\s+voorstel|we\s+zouden|we\s+kunnen|kunnen\s+we\s+niet|zouden\s+we|ik\s+ben\s+voor|ik\s+zou\s+(?:gaan\s+)?(?:voor|kiezen))\b|\bvoorstel\s*:",
    agree=r"^\W*(?:@\S+\s+)?(?:ja\b|jep\b|jup\b|klopt|precies|akkoord|eens\b|mee\s+eens|prima|top\b|super\b|perfect|goed\s+idee|lijkt\s+me\s+(?:goed|prima)|klinkt\s+goed|is\s+goed|oké|oke\b|ok(?:ay)?\b|doen\b|zeker|helemaal\s+goed|\+1|👍|voor\s+mij\s+(?:prima|goed|ok)|ga\s+je\s+gang|ik\s+denk\s+het\s+wel|geen\s+bezwaar)",
    disagree=r"^\W*(?:nee\b|neen\b|liever\s+niet|ik\s+ben\s+(?:er\s+)?tegen|niet\s+mee\s+eens|oneens|ik\s+weet\s+(?:het\s+)?niet|weet\s+ik\s+niet|maar\b|hmm|wacht\b|even\s+wachten|ik\s+zou\s+liever|ik\s+heb\s+liever|ik\s+twijfel|bezwaar\b)",
    defer=r"(?:\bnog\s+(?:niet|geen)\s+(?:\w+\s+){0,3}(?:beslissen|besluiten|beslist|besloten|beslissing|besluit|kiezen)\b|\b(?:komen|kom)\s+(?:we\s+|ik\s+)?(?:er\s+|hier\s+)?(?:\w+\s+){0,3}op\s+terug\b|\bterugkomen\s+op\b|\b(?:er|hier)\s+(?:nog\s+)?(?:even\s+)?over\s+(?:na)?denken\b|\bnadenken\b"
          r"|\b(?:een\s+nachtje\s+)?over\s+slapen\b|\buitstellen\b|\buitgesteld\b|\bparkeren\b|\bgeparkeerd\b|\bon\s+hold\b|\bafwachten\b|\bwachten\s+(?:op|tot|met)\b|\bgeen\s+(?:besluit|beslissing)\b|\bnog\s+open\b|\bnog\s+onduidelijk\b|\bpoll\b|\bstemming\b"
          r"|\bbespreken\s+we\s+(?:het\s+|dit\s+|dat\s+)?(?:wel\s+|dan\s+|liever\s+)?(?:in|op|bij|volgende)\b|\b(?:in|op|bij)\s+(?:de|het)\s+(?:volgende\s+)?(?:planning|overleg|meeting|weekly|standup|retro|mt)\b.*\bbespreken\b|\bvoordat\s+we\s+(?:\w+\s+)?(?:beslissen|besluiten|kiezen)\b"
          r"|\beerst\s+(?:de\s+)?(?:cijfers|data|getallen|offertes?)\b|\bik\s+laat\s+(?:het\s+)?(?:jullie\s+|je\s+)?(?:nog\s+)?weten\b|\bniet\s+(?:vandaag|nu)\s+(?:beslissen|besluiten)\b)",
    waiting=r"\b(?:wachten\s+(?:op|tot)|hangt\s+af\s+van|afhankelijk\s+van|totdat|tot(?=\s+we\b)|zodra|pas\s+als)\s+(?P<what>[^.;!?]{3,80}?)(?=\s+(?:voordat|zodat|om\s+te|en\s+dan)\b|\s*[.;!?]|\s*$)",
    commit=r"\b(?:ik\s+(?:zal|ga)\s+(?!(?:niet|geen|ervan|er\s+van|naar\s+huis|weg\b|mee\b|akkoord|ervoor|dat\s+niet|eens\s+kijken|kijken\s+of)\b)|ik\s+(?:kan|moet)\s+(?:nog\s+|wel\s+)?(?=[^,;?]*\w(?:en)\b)(?!(?:niet|geen|er\s+niet|me\b|mij\b)))(?P<what>.+)"
           r"|\bik\s+(?P<verbed>(?!(?:ben|heb|had|was|kan|moet|zal|wil|mag|weet|denk|vind|dacht|hoop|zie|snap|begrijp|ga|zou|kon|wou|wilde|moest|niet|ook|nog|al|wel|even|eens|dus|bedoel|geloof|twijfel|ken|heet|stel|vraag|zit|sta|lig|kom|voel|merk|hoor|werk|woon|had|hebt|zag|zei|kreeg|deed|was|vond|ging|kwam|liep|bleef)\b)[^\W\d_]{2,}\b.*)"
           r"|^\W*(?P<mine>[^,;:]+?)\s+(?:is|zijn)\s+(?:voor\s+mij|van\s+mij)\b|^\W*(?:laat\s+(?:dat|het|maar)\s+(?:maar\s+)?aan\s+mij\s+over|(?:ik\s+)?pak\s+(?:ik\s+)?(?:het|dit|dat)\s+op|neem\s+ik\s+op\s+me)\W*$"
           r"|(?:^|[,;:]\s*)(?P<pre>[^,;:?]*?)\b(?P<inv>(?!(?:ben|heb|had|was|kan|moet|zal|wil|mag|weet|denk|vind|dacht|hoop|zie|ga|zou|kon|bedoel|geloof|vraag|snap|hoor|en|maar|of|want|dus|dan|nu|hier|daar|zo|hoe|wat|wie|waar|als|dat|toch|wel|ook|nog|heel|uiteraard|natuurlijk|prima|top|oké|oke|ok|goed|ja|nee|zeker|bedankt|dank|sorry|helaas|straks|morgen|vandaag|eerst|daarna|misschien)\b)[^\W\d_]{2,})\s+ik\b(?!\s+(?:me|mij|niet|ook|dat|het\s+niet|eigenlijk|zelf)\b)(?P<what4>[^,;:?]*)",
    accept=r"^\W*(?:@\S+\s+)?(?:doe\s+ik|komt\s+goed|regel\s+ik|pak\s+ik\s+op|ik\s+pak\s+het\s+op|is\s+goed|prima|ok(?:é|e|ay)?\b|ja\b|jep\b|zeker|geen\s+probleem|top\b|akkoord|genoteerd\b|begrepen\b|helder\b|staat\s+genoteerd)",
    request=rf"(?:^|[\s,(])(?:{NAME}(?:\s*[,:—–])?\s+(?:(?:kun|kan|zou|wil)\s+(?:jij|je|u)\s+(?:misschien\s+|even\s+|alsjeblieft\s+|aub\s+)*|(?:alsjeblieft|aub|graag)\s+)(?P<what>.+?)(?:\?|$)"
            rf"|(?:kun|kan|zou|wil)\s+(?:jij|je)\s+(?:misschien\s+|even\s+)*(?P<what2>.+?),?\s+@?(?P<who2>[^\W\d_][\w.-]*)\s*\?"
            rf"|^\W*@?(?P<who3>[^\W\d_][\w.-]*)[,:]\s+(?P<inv>(?!(?:kun|kan|zou|wil|heb|ben|weet|wil|moet|ga|denk|vind|zie)\b)\w+)\s+(?:jij|je)\s+(?P<what3>[^?]+?)\s*\?"
            rf"|^\W*@?(?P<who4>[^\W\d_][\w.-]*)[,:]\s+(?P<what4>[^?]+?)[,\s]+(?:graag|alsjeblieft|aub|a\.u\.b\.)\s*[.!]*$)",
    assign=rf"^\W*{NAME}\s+(?:gaat|zal|neemt|pakt|regelt|doet|schrijft|stuurt|maakt)\s+(?!(?:het\s+niet|niet|naar\s+huis|weg|mee)\b)(?P<what>.+)"
           rf"|^\W*@?(?P<who2>[^\W\d_][\w.-]*)[,:]\s+jij\s+(?P<verbed>(?!(?:bent|hebt|kunt|moet|zult|wilt|weet|denkt|vindt)\b)\w+t\b.*)",
    unassigned=r"\b(?:iemand|wie)\s+(?:moet|zou\s+moeten|moet\s+nog)\s+(?P<what>.+)|\bniemand\s+voor\s+(?P<what8>.+)|^\W*(?:todo|to\s*do|actiepunt(?:en)?|actie)\s*[:\-]\s*(?P<what2>.+)|\bwe\s+moeten\s+(?:nog\s+|ook\s+)?(?P<what3>.+)"
               r"|\ber\s+moet\s+(?:nog\s+|ook\s+)?(?P<what4>.+)|\bwe\s+zouden\s+(?:ook|nog)\s+(?P<what6>.+)"
               # an instruction in the infinitive, as Dutch gives one to the group: "Wel even de restore-tijd noteren"
               r"|^\W*(?:(?:wel|nog|ook|dan)\s+)*even\s+(?P<what7>[^?]{3,}?\s[^\W\d_]{2,}en)\s*(?:[,;].*)?$",
    answer=r"^\W*(?:ja\b|nee\b|jep|klopt|precies|ik\s+(?:denk|geloof)|voor\s+zover\s+ik\s+weet|dat\s+is|het\s+is|omdat|want\b|we\s+(?:hebben|kunnen|zijn|moeten)|die\s+(?:is|staat)|staat\s+in|zit\s+in|volgens\s+mij)",
    not_known=r"\b(?:geen\s+idee|weet\s+(?:ik\s+)?niet|geen\s+flauw\s+idee|onduidelijk|goede\s+vraag|moet\s+ik\s+(?:even\s+)?(?:nakijken|checken|navragen|uitzoeken)|(?:moeten|moet)\s+(?:we|ik)\s+(?:nog\s+)?(?:uitzoeken|navragen|checken)|niet\s+mijn\s+beslissing|nog\s+open|nog\s+niet\s+bekend|ligt\s+niet\s+bij\s+(?:mij|ons))\b",
    revision=r"^\W*(?:toch\s+niet|correctie|update|wijziging|nieuw\s+plan|in\s+plaats\s+daarvan|planwijziging|toch\b)",
    conclude=r"^\W*(?:ok(?:é|e|ay)?|goed|dus|dan|prima|top|helder|nou)\b[\s,.:;!-]*",
    consent=r"(?:^|[\s.,;]+)(?:akkoord|oké\s+voor\s+jullie|ok\s+voor\s+jullie|goed\s+zo|(?:nog\s+)?bezwaren|iedereen\s+akkoord|(?:iemand|wie)\s+(?:er\s+)?tegen|is\s+iedereen\s+het\s+(?:daarmee\s+)?eens)\s*[?？]\s*$",
    course=COURSE_LEAD + r"\W*(?:[^\W\d_][\w\'-]*[,\s]+){0,3}?(?:(?:kan|mag|moet|zal)\s+ik\b|(?:moeten|zullen|kunnen|gaan)\s+we\b|(?!(?:hebben|zijn|weten|hadden|waren)\s)\w+en\s+we\b)",
    interim=r"\b(?:tot\s+die\s+tijd|in\s+de\s+tussentijd|voorlopig|tijdelijk|intussen|ondertussen)\b",
    alternative=r"\sof\s",
    contrast=r"\b(?:maar|echter|toch|alleen)\b",
    refusal=r"\b(?:kunnen|mogen|moeten|gaan)\s+we\b[^.!?]*\bniet\b|\bkan\s+(?:zo\s+)?niet\b|\bgaat\s+niet\b",
    verdict=r"\b(?:is|zijn)\s+(?:ok(?:é)?|goed|goedgekeurd|eruit|geschrapt)\b|\b(?:schuift|schuiven|gaat|verhuist)\s+(?:door\s+)?naar\b|\bblijft\s+(?:bij|op|in)\b",
    factual=r"\bof\s+(?:is|zijn|was|waren|heeft|hebben|wordt|worden|kan|kunnen)\s+(?!(?:we|ik|jij|je|jullie)\b)\w+|^\W*(?:moet|moeten|heb|hebben)\s+(?:ik|we)\b(?=[^?]*\bof\b)"
            r"|^\W*(?:is|zijn|was|waren|heeft|hebben|wordt|worden)\s+(?:dat|de|het|die|er|hij|zij|ze|jij|je)\b",
    policy=r"\b(?:vanaf\s+(?:nu|vandaag|morgen|maandag|dinsdag|woensdag|donderdag|vrijdag|volgende\s+week)|voortaan|vanaf\s+\S+\s+geldt|in\s+het\s+vervolg)\b",
    due=r"",
    announce=r"^\W*(?:(?:ok(?:é|e|ay)?|goed|dus|dan)[,.]?\s+)?we\s+(?!(?:moeten|zouden|kunnen|hebben|hadden|zijn|waren|weten|wachten|kijken|zien|praten|denken|willen|gaan\s+(?:het|nog|even|eens|kijken)|zullen)\b)[^\W\d_]{3,}en\b(?!.*\?)",
    options=r"\b(?:opties|voorstellen|kandidaten|offertes)\b[^.?!:]{0,80}:|\bstem(?:men)?\s+(?:even\s+)?(?:met|op)\b",
    react_call=r"\breageer\b|\b(?:\+1|duim|duimpje)\b.*\bals\b",
    when=r"\bwanneer\b|\bop\s+welke\s+dag\b|\bhoe\s+laat\b",
    small_step=r"\blaten\s+we\s+(?:(?:even|eerst|snel)\s+)*(?:(?:in|naar|op)\s+\S+(?:\s+\S+)?\s+)?(?:kijken|checken|bellen|overleggen|praten|afstemmen|debuggen|bespreken)\b",
    aside=r"^\W*(?:trouwens|overigens|nog\s+iets|ander\s+onderwerp|los\s+daarvan)\b",
    yes_no=r"^\W*(?:ja|nee|nog\s+niet)\s*[,.!;:]",
    second_person=r"\b(?:jij|jullie)\b",
    taken_back=r"\blaat\s+maar\s+zitten\b|\bnegeer\s+(?:mij|me)\b",
    self_answered=r"^\W*(?:laat\s+maar|al\s+gevonden|(?:ik\s+)?heb\s+het\s+(?:al\s+)?gevonden)",
    finding_out=r"\b(?:ik\s+(?:vraag|zoek)\s+het\s+(?:even\s+)?(?:na|uit)\b|ik\s+(?:ga|zal)\s+het\s+(?:even\s+)?(?:navragen|uitzoeken|nakijken)\b|(?:moet|moeten)\s+(?:ik|we)\s+(?:even\s+)?(?:navragen|uitzoeken|nakijken)\b)",
    suggestion=r"\bheb\s+je\s+(?:al\s+)?(?:eens\s+)?\S+\s+geprobeerd\b",
    hedge=r"^\W*(?:zou\s+(?:mooi|fijn|handig)\s+zijn|interessant|mogelijk|waarom\s+niet|in\s+(?:theorie|principe))\b[^.!?;]*?\b(?:maar|alleen)\b",
)

PL = Lexicon(
    decided=r"(?:\bdecyzja\s*[:\-]|\b(?:zdecydowaliśmy|postanowiliśmy|ustaliliśmy|zdecydowane|postanowione|ustalone|klepnięte|zatwierdzone|przyklepane)\b|\bjednogłośnie\b|\bstanęło\s+na\b"
            r"|(?<!czy\s)(?<!jeśli\s)(?<!że\s)\b(?:idziemy\s+(?:z|w)|bierzemy|zostajemy\s+(?:przy|na|z)|robimy\s+tak|przyjmujemy|wybieramy|wybraliśmy)\b(?!.*\?)|\bjest\s+(?:\w+\s+)?zatwierdzon[ya]\b|^\W*zatwierdzam\b)",
    settles=r"(?:^\W*(?:czyli|podsumowując|reasumując|krótko\s+mówiąc|tak\s+czy\s+inaczej)\s*:\s*\w|^\W*(?:ok(?:ej)?|dobra|dobrze|no\s+to|czyli)?[\s,]*(?:ustalone|umowa|zgoda|załatwione|niech\s+będzie|tak\s+robimy|to\s+ustalone|klepnięte)\b"
            r"|\bw\s+takim\s+razie\s+\w+|^\W*(?:czyli|więc)\s+\w+(?:\s+\w+)?\W*$)",
    endorse=r"^\W*(?:@\S+\s+)?(?:zgadzam\s+się|popieram|dobry\s+pomysł|brzmi\s+dobrze|dla\s+mnie\s+(?:ok|spoko|git)|pasuje\s+mi|jestem\s+za|zgoda|\+1|👍)",
    proposal=r"\b(?:proponuję|sugeruję|co\s+powiecie\s+na|moglibyśmy|powinniśmy|mój\s+pomysł|jestem\s+za\s+tym|(?!(?:mamy|możemy|jesteśmy)\b)\w{2,}(?<![aeiouyąęór])my)\b|\bpropozycja\s*:",
    agree=r"^\W*(?:@\S+\s+)?(?:tak\b|jasne|ok(?:ej)?\b|spoko|zgoda|zgadzam\s+się|dobra\b|dobrze\b|pewnie|super|git\b|świetnie|brzmi\s+dobrze|dla\s+mnie\s+(?:ok|spoko|git)|pasuje|\+1|👍|jestem\s+za|racja|śmiało|popieram|dokładnie|myślę,?\s+że\s+tak)",
    disagree=r"^\W*(?:nie\b|raczej\s+nie|nie\s+zgadzam\s+się|jestem\s+przeciw|wolał(?:a)?bym|ale\b|hmm|chwila|czekaj|nie\s+jestem\s+(?:pewien|pewna|przekonan[ya]))",
    defer=r"(?:\bwróć(?:my|imy)\s+do\s+tego\b|\bwrócimy\s+do\s+tematu\b|\bodłóż(?:my)?\b|\bodkładamy\b|\bodłożone\b|\bprzemyśl(?:ę|my)\b|\bzastanow(?:ię|imy)\s+się\b|\bzastanówmy\s+się\b|\bprzegadamy\b|\bomówimy\s+(?:to\s+)?(?:na|w|po)\b|\bpoczekajmy\b|\bczekamy\s+na\b|\bpotrzebujemy\s+(?:najpierw\s+)?(?:liczb|danych|wycen)"
          r"|\b(?:jeszcze\s+)?nie\s+(?:zdecydowaliśmy|decydujemy|ustaliliśmy|podjęliśmy\s+decyzji)\b|\bbrak\s+decyzji\b|\bbez\s+decyzji\b|\bzanim\s+(?:\w+\s+)?(?:zdecydujemy|podejmiemy\s+decyzję)\b|\bdecyzj\w*\b.*\b(?:później|potem|po\s+\w+)\b|\bankieta\b|\bdam\s+(?:wam\s+)?znać\b|\bwstrzymajmy\s+się\b)",
    waiting=r"\b(?:czekamy\s+na|poczekajmy\s+na|czekając\s+na|zależy\s+od|dopóki\s+nie|potrzebujemy\s+najpierw)\s+(?P<what>[^.;!?]{3,80}?)(?=\s+(?:zanim|żeby|i\s+wtedy)\b|\s*[.;!?]|\s*$)",
    commit=r"(?:^|[\s,;:])(?:ja\s+)?(?:(?:to|tym|go|ją|je|ci|wam|mu|jej|też|jeszcze|dziś|jutro|zaraz)\s+){0,2}(?P<verbed>(?!(?:się|chcę|mogę|muszę|będę|myślę|sądzę|widzę|proszę|dziękuję|lubię|wolę|idę|jadę|umiem|wiem|mam|rozumiem|przepraszam|pamiętam|zgadzam|obawiam|boję|cieszę|słyszę|czuję|proponuję|sugeruję|głosuję|pracuję|czekam)\b)[^\W\d_]{3,}ę\b.*)"
           r"|\b(?:mogę|muszę\s+(?:jeszcze\s+)?|będę)\s+(?P<what>(?!(?:się|być|mieć|powiedzieć|iść|wyjść)\b)[^\W\d_]+(?:ć|c)\b.*)"
           r"|\bbior(?:ę|e)\s+(?:to\s+)?(?:na\s+siebie\s+)?(?P<what2>.*)"
           r"|^\W*(?P<mine>[^,;:]+?)\s+(?:jest\s+)?(?:na\s+mnie|moje|po\s+mojej\s+stronie)\s*[.!]*$",
    accept=r"^\W*(?:@\S+\s+)?(?:zrobię|ok(?:ej)?\b|jasne|spoko|tak\b|dobra\b|robi\s+się|się\s+robi|już\s+się\s+robi|nie\s+ma\s+sprawy|pewnie|biorę|ogarnę|przyjąłem|przyjęłam|zgoda|załatwię|da\s+się)",
    request=rf"(?:^|[\s,(])(?:{NAME}(?:\s*[,:—–])?\s+(?:czy\s+)?(?:(?:możesz|mógłbyś|mogłabyś|dasz\s+radę|mógłbyś\s+może|możesz\s+może)\s+(?:proszę\s+|może\s+)?|proszę\s+)(?P<what>.+?)(?:\?|$)"
            rf"|(?:możesz|mógłbyś|mogłabyś)\s+(?P<what2>.+?),?\s+@?(?P<who2>[^\W\d_][\w.-]*)\s*\?"
            rf"|^\W*@?(?P<who3>[^\W\d_][\w.-]*)[,:]\s+(?:czy\s+)?(?P<inv>(?!(?:możesz|masz|jesteś|wiesz|myślisz|chcesz|musisz|wolisz|widzisz|pamiętasz|znasz|rozumiesz)\b)[^\W\d_]{{3,}}sz)\s+(?P<what3>[^?]+?)\s*\?"
            rf"|^\W*@?(?P<who4>[^\W\d_][\w.-]*)[,:]\s+(?P<what4>[^?]+?)[,\s]+(?:proszę|pliska|plis)\s*[.!]*$)",
    assign=rf"^\W*{NAME}\s+(?P<what>(?:zrobi|wyśle|napisze|sprawdzi|przygotuje|ogarnie|zajmie\s+się|weźmie|poprawi|zadzwoni|umówi|dopisze|podeśle|przejrzy|wdroży|zaktualizuje|puści)\b.+)",
    unassigned=r"\bktoś\s+(?:musi|powinien|powinna|mógłby|może)\s+(?P<what>.+)|\bnikt\s+(?:jeszcze\s+)?nie\s+(?:ma|wziął)\s+(?P<what8>.+)|^\W*(?:todo|do\s+zrobienia)\s*[:\-]\s*(?P<what2>.+)|\btrzeba\s+(?:jeszcze\s+)?(?P<what3>.+)|\bmusimy\s+(?:jeszcze\s+)?(?P<what4>.+)",
    answer=r"^\W*(?:tak\b|nie\b|chyba|myślę,?\s+że|wydaje\s+mi\s+się|bo\b|ponieważ|to\s+jest|jest\s+w|mamy\b|zgodnie\s+z|według)",
    not_known=r"\b(?:nie\s+wiem|nie\s+mam\s+pojęcia|dobre\s+pytanie|(?:muszę|trzeba\s+by)\s+(?:to\s+)?sprawdzić|nie\s+jestem\s+(?:pewien|pewna)|jeszcze\s+nie\s+wiadomo|nie\s+moja\s+decyzja|nie\s+zależy\s+ode\s+mnie)\b",
    revision=r"^\W*(?:jednak|zmiana\s+planu|korekta|poprawka|właściwie|update)\b",
    conclude=r"^\W*(?:ok(?:ej)?|dobra|dobrze|czyli|no\s+to|w\s+takim\s+razie|zatem|więc)\b[\s,.:;!-]*",
    consent=r"(?:^|[\s.,;]+)(?:ok|pasuje|zgoda|(?:są\s+)?sprzeciwy|(?:jakieś\s+)?obiekcje|(?:ktoś\s+)?przeciw|wszyscy\s+się\s+zgadzają|wszyscy\s+za)\s*[?？]\s*$",
    course=COURSE_LEAD + r"\W*(?:[^\W\d_][\w\'-]*[,\s]+){0,3}?(?:czy\s+)?(?:mogę\b|możemy\b|powinniśmy\b|(?!(?:mamy|jesteśmy|wiemy|znamy)\b)\w+(?:amy|imy|emy|ymy)\b)",
    interim=r"\b(?:na\s+razie|tymczasem|w\s+międzyczasie|do\s+tego\s+czasu|tymczasowo|póki\s+co)\b",
    alternative=r"\s(?:czy|albo|lub)\s",
    contrast=r"\b(?:ale|jednak|chociaż|natomiast)\b",
    refusal=r"\bnie\s+(?:możemy|powinniśmy|wolno\s+nam)\b|\bnie\s+da\s+się\b",
    verdict=r"\b(?:jest|są)\s+(?:ok|zatwierdzon[eay])\b|\b(?:przesuwa|przesuwają)\s+się\s+na\b|\bzostaje\s+(?:na|w|przy)\b",
    factual=r"^\W*czy\s+(?:to\s+)?(?:jest|są|był|była|było|ma|mają)\b|\bczy\s+(?:to\s+)?(?:jest|są)\b",
    policy=r"\b(?:od\s+(?:teraz|dziś|dzisiaj|jutra|poniedziałku|przyszłego\s+tygodnia)|na\s+przyszłość|od\s+tej\s+pory)\b",
    due=r"",
    announce=r"^\W*(?:(?:ok(?:ej)?|dobra|czyli|więc|to)[,.]?\s+)?(?!(?:mamy|możemy|musimy|jesteśmy|wiemy|czekamy|zobaczymy|myślimy|chcemy|potrzebujemy|powinniśmy|gadamy|rozmawiamy|robimy)\b)[^\W\d_]{3,}(?:amy|imy|emy|ymy)\b(?!.*\?)",
    options=r"\b(?:opcje|propozycje|kandydaci|oferty|warianty)\b[^.?!:]{0,80}:|\bgłosujcie\b|\bgłosowanie\b",
    react_call=r"\bdajcie\s+(?:kciuka|łapkę|reakcję)\b|\bzareagujcie\b",
    when=r"\bkiedy\b|\bktórego\s+dnia\b|\bo\s+której\b",
    small_step=r"\b(?:sprawdźmy|zobaczmy|popatrzmy|zdzwońmy\s+się|pogadajmy|przegadajmy|zajrzyjmy)\b",
    aside=r"^\W*(?:przy\s+okazji|a\s+propos|swoją\s+drogą|inna\s+sprawa)\b",
    yes_no=r"^\W*(?:tak|nie|jeszcze\s+nie)\s*[,.!;:]",
    second_person=r"\b(?:ty|wy|ciebie|tobie|wam)\b",
    taken_back=r"\bnieważne\b|\bzapomnij\b",
    self_answered=r"^\W*(?:nieważne|już\s+(?:mam|znalazłem|znalazłam)|znalazłem|znalazłam)",
    finding_out=r"\b(?:zapytam\s+\w+|dopytam|(?:muszę|musimy)\s+(?:to\s+)?(?:sprawdzić|dopytać|potwierdzić)|sprawdzę\s+(?:to\s+)?i\s+dam\s+znać)\b",
    suggestion=r"\bpróbował(?:eś|aś)\b",
)

RU = Lexicon(
    decided=r"(?:\bрешение\s*[:\-]|\b(?:мы\s+)?(?:решили|договорились|утвердили|выбрали)\b|\b(?:решено|утверждено|согласовано|принято)\b|\bединогласно\b|\bтак\s+и\s+сделаем\b|\bделаем\s+так\b"
            r"|(?<!если\s)(?<!что\s)\b(?:идём|идем|берём|берем|остаёмся|остаемся|выбираем|оставляем)\s+(?:с\b|на\b|при\b)?(?!.*\?))",
    settles=r"(?:^\W*(?:итак|итого|в\s+общем|короче|в\s+любом\s+случае|резюмирую)\s*:\s*\w|^\W*(?:ок(?:ей)?|ok|ладно|хорошо|значит|тогда)?[\s,]*(?:договорились|решено|принято|так\s+и\s+сделаем|идёт|идет|по\s+рукам)\b"
            r"|^\W*(?:значит|тогда)\s+\w+(?:\s+\w+)?\W*$)",
    endorse=r"^\W*(?:@\S+\s+)?(?:согласен|согласна|согласны|поддерживаю|хорошая\s+идея|звучит\s+(?:хорошо|отлично)|мне\s+подходит|я\s+за\b|за\b|\+1|👍)",
    proposal=r"\b(?:предлагаю|давайте|давай|как\s+насч[её]т|мы\s+могли\s+бы|нам\s+стоит|может(?:,)?\s+лучше|я\s+бы\s+(?:выбрал[а]?|взял[а]?|пош[её]л|пошла|оставил[а]?))\b|\bпредложение\s*:",
    agree=r"^\W*(?:@\S+\s+)?(?:да\b|ок(?:ей)?\b|ok\b|хорошо|согласен|согласна|договорились|отлично|супер|норм\b|нормально|годится|подходит|звучит\s+(?:хорошо|отлично)|конечно|точно|\+1|👍|я\s+за\b|поддерживаю|ага\b|угу\b|именно|думаю,?\s+да|давай(?:те)?\s*[.!]*$)",
    disagree=r"^\W*(?:нет\b|не\s+согласен|не\s+согласна|я\s+против|против\b|лучше\s+не|я\s+бы\s+лучше|но\b|хм|подожди|погоди|стоп\b|не\s+уверен)",
    defer=r"(?:\bвернёмся\b|\bвернемся\b|\bотлож(?:им|ить|ено)\b|\bоткладываем\b|\bподумаем\b|\bнадо\s+подумать\b|\bобсудим\s+(?:на|в|позже|потом|завтра)\b|\b(?:решим|решать)\s+(?:позже|потом|после)\b|\bпока\s+не\s+(?:решили|решаем)\b|\bрешения\s+(?:пока\s+)?нет\b|\bбез\s+решения\b"
          r"|\bпрежде\s+чем\s+решать\b|\bдо\s+того\s+как\s+(?:решим|решать)\b|\bподожд[её]м\b|\bждём\b|\bждем\b|\bнужны\s+(?:сначала\s+)?(?:цифры|данные|оценки)\b|\bотпишусь\b|\bдам\s+знать\b|\bопрос\b|\bна\s+паузе\b|\bне\s+сейчас\b)",
    waiting=r"\b(?:ждём|ждем|подожд[её]м|дожд[её]мся|зависит\s+от|пока\s+не)\s+(?P<what>[^.;!?]{3,80}?)(?=\s*,?\s+(?:прежде\s+чем|чтобы|а\s+потом|и\s+тогда)\b|\s*[.;!?]|\s*$)",
    commit=r"(?:^|[,;:]\s*|\bя\s+|\bи\s+)(?:(?:я|это|этим|его|её|ее|их|тебе|вам|ему|ей|тоже|ещё|еще|сегодня|завтра|сейчас|потом|сразу|быстро|тогда|утром|вечером|днём|днем|уже|прямо|с\s+утра|после\s+обеда)\s+){0,3}"
           r"(?P<verbed>(?!(?:могу|хочу|думаю|знаю|понимаю|считаю|прошу|говорю|вижу|боюсь|надеюсь|люблю|помню|работаю|живу|сижу|стою|иду|еду|жду|слышу|чувствую|предлагаю|согласую|голосую|сомневаюсь|уверую)\b)[^\W\d_]{3,}(?:ю|у|юсь|усь)\b.*)"
           r"|\b(?:я\s+)?(?:могу|буду|мне\s+(?:нужно|надо))\s+(?:ещё\s+|еще\s+)?(?P<what>(?!(?:быть|сказать|идти|уйти)\b)[^\W\d_]+(?:ть|ти|ться|тись|чь)\b.*)"
           r"|\bберу\s+(?:это\s+)?(?:на\s+себя\s+)?(?P<what2>.*)"
           r"|^\W*(?P<mine>[^,;:]+?)\s+(?:на\s+мне\s*[.!]*$|(?:беру|возьму)\b)|^\W*(?:это\s+)?на\s+мне\W*$",
    accept=r"^\W*(?:@\S+\s+)?(?:сделаю|ок(?:ей)?\b|ok\b|хорошо|да\b|конечно|без\s+проблем|беру|возьму|займусь|принято|понял|поняла|договорились|будет\s+сделано|сейчас\s+сделаю|ага\b|угу\b|окей)",
    request=rf"(?:^|[\s,(])(?:{NAME}(?:\s*[,:—–])?\s+(?:(?:можешь|сможешь|можете|сможете|(?:не\s+)?мог(?:ла|ли)?\s+бы\s+(?:ты|вы))\s+(?:(?:пожалуйста|ещё|еще|тоже|также),?\s+)*|пожалуйста,?\s+)(?P<what>.+?)(?:\?|$)"
            rf"|(?:можешь|сможешь)\s+(?:пожалуйста\s+)?(?P<what2>.+?),?\s+@?(?P<who2>[^\W\d_][\w.-]*)\s*\?"
            rf"|^\W*@?(?P<who3>[^\W\d_][\w.-]*)[,:]\s+(?P<inv>(?!(?:можешь|сможешь|знаешь|думаешь|хочешь|видишь|помнишь|понимаешь|считаешь)\b)[^\W\d_]{{3,}}(?:ешь|ёшь|ишь))\s+(?P<what3>[^?]+?)\s*\?"
            rf"|^\W*@?(?P<who4>[^\W\d_][\w.-]*)[,:]\s+(?:пожалуйста,?\s*)?(?P<imp>(?!(?:спасибо|привет|слушай|смотри|кстати|давай|да|нет|ок|окей|ладно|хорошо|отлично|супер)\b)[^\W\d_]{{3,}}(?:й|и|ь))\s+(?P<what4>[^?]+?)(?:[,\s]+пожалуйста)?\s*[.!]*$"
            rf"|^\W*@?(?P<who5>[^\W\d_][\w.-]*)[,:]\s+(?P<what5>[^?]+?)[,\s]+пожалуйста\s*[.!]*$)",
    assign=rf"^\W*{NAME}\s+(?P<what>(?:сделает|отправит|напишет|проверит|подготовит|возьм[её]т|займ[её]тся|посмотрит|обновит|созвонится|поправит|починит|выкатит)\b.+)",
    unassigned=r"\bкто-то\s+(?:должен|должна|должны|может)\s+(?P<what>.+)|\bкому-то\s+(?:нужно|надо)\s+(?P<what5>.+)|\bникто\s+(?:пока\s+)?не\s+взял\s+(?P<what7>.+)|^\W*(?:todo|туду|задача)\s*[:\-]\s*(?P<what2>.+)"
               r"|\b(?:нам\s+)?(?:нужно|надо)\s+(?:ещё\s+|еще\s+)?(?P<what3>(?!ли\b)[^\W\d_]+(?:ть|ти|ться)\b.+)",
    answer=r"^\W*(?:да\b|нет\b|думаю,?\s+что|кажется|вроде|потому\s+что|так\s+как|это\b|есть\b|мы\s+(?:можем|уже|не)|лежит\s+в|по\s+(?:доке|документации))",
    not_known=r"\b(?:не\s+знаю|понятия\s+не\s+имею|хороший\s+вопрос|надо\s+уточнить|нужно\s+проверить|не\s+уверен[а]?|пока\s+(?:неизвестно|непонятно)|не\s+моё\s+решение|не\s+мое\s+решение|не\s+от\s+меня\s+зависит)\b",
    revision=r"^\W*(?:хотя\s+нет|поправка|изменение\s+планов?|на\s+самом\s+деле|в\s+итоге|update)\b",
    conclude=r"^\W*(?:ок(?:ей)?|ok|хорошо|итак|значит|тогда|ладно|в\s+общем|короче|итого)\b[\s,.:;!-]*",
    consent=r"(?:^|[\s.,;]+)(?:ок|норм|нормально|согласны|(?:есть\s+)?возражения|все\s+за|кто\s+против|все\s+согласны)\s*[?？]\s*$",
    course=COURSE_LEAD + r"\W*(?:[^\W\d_][\w\'-]*[,\s]+){0,3}?(?:можно\s+(?:я|мне)\b|(?:мы\s+)?(?:будем|должны|можем)\b|стоит\s+ли\b|(?:мы\s+)?(?!(?:знаем|имеем|есть)\b)\w{3,}(?:ем|ём|им)\b(?=[^?]*\?\s*$))",
    interim=r"\b(?:пока\s+что|а\s+пока|до\s+тех\s+пор|временно|на\s+время)\b",
    alternative=r"\s(?:или|либо)\s",
    contrast=r"\b(?:но|однако|хотя|зато)\b",
    refusal=r"\b(?:не\s+можем|нельзя|не\s+стоит|не\s+получится)\b",
    verdict=r"\b(?:утвержд[её]н[аы]?|переносится\s+на|переезжает\s+на|оста[её]тся\s+(?:на|в))\b",
    factual=r"\bили\s+(?:это|он|она|оно|они|хватит|достаточно|нужен|нужна|нужно|нужны|можно|есть)\b|^\W*(?:есть\s+ли|а\s+это)\b",
    policy=r"\b(?:с\s+(?:сегодняшнего\s+дня|завтрашнего\s+дня|завтра|понедельника|этого\s+момента|сегодня)|отныне|впредь|начиная\s+с)\b",
    due=r"",
    announce=r"^\W*(?:(?:ок(?:ей)?|итак|значит|тогда|ладно)[,.]?\s+)?(?!(?:думаем|знаем|можем|будем|ждём|ждем|смотрим|обсуждаем|видим|хотим|имеем|говорим|решаем|работаем|получаем|понимаем)\b)[^\W\d_]{4,}(?:ем|ём|им|емся|ёмся|имся)\b(?!.*\?)",
    options=r"\b(?:варианты|опции|кандидаты|предложения)\b[^.?!:]{0,80}:|\bголосуйте\b|\bголосование\b",
    react_call=r"\bпоставьте\s+(?:лайк|плюс|👍)|\bреакци(?:ей|ю)\b",
    when=r"\bкогда\b|\bв\s+какой\s+день\b|\bкакого\s+числа\b",
    small_step=r"\bдавай(?:те)?\s+(?:сначала\s+|быстро\s+)?(?:посмотрим|глянем|проверим|созвонимся|обсудим|разбер[её]мся|поговорим)\b",
    aside=r"^\W*(?:кстати|к\s+слову|другой\s+вопрос|не\s+по\s+теме|офтоп)\b",
    yes_no=r"^\W*(?:да|нет|пока\s+нет|ещ[её]\s+нет)\s*[,.!;:]",
    second_person=r"\b(?:ты|вы|тебе|вам|тебя|вас)\b",
    taken_back=r"\bневажно\b|\bзабей(?:те)?\b|\bпроехали\b",
    self_answered=r"^\W*(?:неважно|наш[её]л|нашла|разобрался|разобралась|забей)",
    finding_out=r"\b(?:уточню|выясню|спрошу\s+у|узнаю\s+у|(?:надо|нужно)\s+(?:уточнить|выяснить|спросить))\b",
    suggestion=r"\b(?:а\s+)?(?:ты\s+)?пробовал(?:а|и)?\b",
)

SV = Lexicon(
    decided=r"(?:\bbeslut\s*[:\-]|\b(?:vi\s+)?(?:har\s+)?(?:beslutat|bestämt\s+(?:oss\s+för|att)|valt\s+att)\b|\bdet\s+är\s+(?:bestämt|beslutat|spikat|klart)\b|\b(?:spikat|beslutat|godkänt|godkänd)\b[.!]|\benhälligt\b"
            r"|(?<!om\s)(?<!att\s)(?<!när\s)\bvi\s+(?:kör\s+(?:på|med)|går\s+(?:på|med|vidare\s+med)|väljer|landar\s+i|håller\s+fast\s+vid|stannar\s+(?:på|vid)|spikar)\b(?!.*\?)|\b(?:kör|går|väljer)\s+vi\s+(?:på|med)\b(?!.*\?)|\bdet\s+blir\s+\w+(?!.*\?)|\bså\s+får\s+det\s+bli\b)",
    settles=r"(?:^\W*(?:ok(?:ej)?|okay|så|alltså|sammanfattning|slutsats|kort\s+sagt)\s*:\s*\w|^\W*(?:ok(?:ej)?|bra|toppen|då|så)?[\s,]*(?:överens|deal|kör\s+vi|då\s+kör\s+vi|då\s+säger\s+vi\s+så|vi\s+säger\s+så|spikat|bestämt|klart\s+(?:då|så))\b"
            r"|\bdå\s+blir\s+det\b|\bdå\s+kör\s+vi\b|\bså\s+(?:gör|kör)\s+vi\b)",
    endorse=r"^\W*(?:@\S+\s+)?(?:håller\s+med|instämmer|låter\s+(?:bra|klokt|rimligt|vettigt)|bra\s+idé|funkar\s+för\s+mig|passar\s+mig|jag\s+är\s+med|jag\s+är\s+för|kör\b|\+1|👍)",
    proposal=r"\b(?:jag\s+föreslår|ska\s+vi|vi\s+(?:kan|borde|skulle\s+kunna)|tänk\s+om\s+vi|vad\s+sägs\s+om|vad\s+tycker\s+ni\s+om|låt\s+oss|jag\s+röstar\s+för|jag\s+skulle\s+(?:välja|köra))\b|\bförslag\s*:",
    agree=r"^\W*(?:@\S+\s+)?(?:ja\b|japp|jo\b|absolut|precis|exakt|håller\s+med|instämmer|låter\s+(?:bra|klokt|rimligt|vettigt)|bra\s+idé|kör\b|ok(?:ej|ay)?\b|funkar|toppen|perfekt|självklart|visst|gärna|\+1|👍|passar|jag\s+är\s+med|rimligt|jag\s+tror\s+det)",
    disagree=r"^\W*(?:nej\b|nä\b|nja\b|hellre\s+inte|håller\s+inte\s+med|jag\s+är\s+emot|men\b|hmm|vänta\b|jag\s+är\s+tveksam|jag\s+skulle\s+hellre|inte\s+säker)",
    defer=r"(?:\binte\s+(?:\w+\s+){0,3}(?:bestämma|besluta|bestämt|beslutat)\b|\binget\s+beslut\b|\båterkommer\b|\bta\s+upp\s+(?:det|detta|frågan)\s+(?:igen|på|nästa)\b|\bskjut(?:a|er)\s+upp\b|\bbordlägg|\bparkera|\bfundera\s+(?:på|vidare)\b|\bsova\s+på\s+saken\b|\btänka\s+på\s+saken\b"
          r"|\bavvakta|\bvänta(?:r)?\s+(?:på|tills|med)\b|\bbehöver\s+(?:först\s+)?(?:se\s+)?(?:siffror|data|underlag|offert)|\binnan\s+vi\s+(?:\w+\s+)?(?:bestämmer|beslutar|väljer)\b|\bbestämm?(?:er|a)\s+(?:vi\s+)?(?:senare|sen|nästa\s+vecka|efter)\b|\bomröstning\b|\bdiskutera\s+(?:det\s+)?(?:vidare|igen|senare)\b)",
    waiting=r"\b(?:vänta(?:r)?\s+(?:på|tills)|avvakta(?:r)?|beror\s+på|tills\s+(?=vi\b)|när\s+vi\s+(?:har|fått|vet))\s+(?P<what>[^.;!?]{3,80}?)(?=\s+(?:innan|så\s+att|och\s+sen)\b|\s*[.;!?]|\s*$)",
    commit=r"\bjag\s+(?:ska|skall|kommer\s+att|tänkte)\s+(?!(?:inte|nog|se|tänka|fundera|vara|ha)\b)(?P<what>.+)"
           r"|\bjag\s+(?:kan|får)\s+(?P<what3>(?!(?:inte|nog|tänka|vara|ha|se)\b)[^\W\d_]{2,}a\b.*)"
           r"|\bjag\s+(?P<verbed>(?!(?:är|har|var|hade|kan|ska|vill|måste|tror|tycker|tänker|vet|menar|hoppas|undrar|ser|förstår|gillar|känner|behöver|borde|skulle|kunde|ville|fick|sa|inte|också|bara|redan|nog|med|håller|föreslår|röstar|får|kommer|blir|står|sitter|heter|jobbar|bor|tvivlar|antar|gissar|minns)\b)[^\W\d_]{2,}r\b.*)"
           r"|(?:^|[,;:]\s*)(?P<pre>[^,;:?]*?)\b(?P<inv>(?!(?:är|har|var|hade|kan|ska|vill|måste|tror|tycker|tänker|vet|menar|hoppas|ser|förstår|behöver|borde|skulle|kunde|får|kommer|blir|och|men|eller|för|så|då|nu|här|där|hur|vad|vem|när|om|att|ju|väl|också|ok|okej|bra|tack|ja|nej|visst|absolut|klart|sen|idag|imorgon)\b)[^\W\d_]{2,}r)\s+jag\b(?!\s+(?:inte|också|att)\b)(?P<what4>[^,;:?]*)"
           r"|^\W*(?P<mine>[^,;:]+?)\s+(?:tar\s+jag|är\s+på\s+mig|fixar\s+jag)\s*[.!]*$|^\W*(?:jag\s+tar\s+(?:det|den|dem)|det\s+fixar\s+jag|lämna\s+det\s+till\s+mig)\W*$",
    accept=r"^\W*(?:@\S+\s+)?(?:ja\b|japp|jo\b|absolut|visst|självklart|ok(?:ej|ay)?\b|fixar\s+det|jag\s+fixar\s+det|det\s+fixar\s+jag|jag\s+tar\s+(?:det|den)|tar\s+det|inga\s+problem|klart\b|gärna|noterat|uppfattat|kör\b|👍)",
    request=rf"(?:^|[\s,(])(?:{NAME}(?:\s*[,:—–])?\s+(?:(?:kan|kunde|skulle)\s+(?:du|ni)\s+(?:(?:också|även|snälla|kanske)\s+)*(?:vara\s+snäll\s+och\s+)?|snälla\s+)(?P<what>.+?)(?:\?|$)"
            rf"|(?:kan|kunde)\s+(?:du|ni)\s+(?P<what2>.+?),?\s+@?(?P<who2>[^\W\d_][\w.-]*)\s*\?"
            rf"|^\W*@?(?P<who3>[^\W\d_][\w.-]*)[,:]\s+(?P<inv>(?!(?:kan|kunde|ska|vill|har|är|vet|tror|tycker|har|måste|hinner|gillar)\b)[^\W\d_]{{2,}}r)\s+(?:du|ni)\s+(?P<what3>[^?]+?)\s*\?"
            rf"|^\W*@?(?P<who4>[^\W\d_][\w.-]*)[,:]\s+(?P<what4>[^?]+?)[,\s]+(?:tack|snälla)\s*[.!]*$)",
    assign=rf"^\W*{NAME}\s+(?:ska|kommer\s+att|tar|fixar|skriver|skickar|kollar|bokar|ordnar|sköter|äger)\s+(?!(?:inte|nog|vara|ledigt?)\b)(?P<what>.+)",
    unassigned=r"\bnågon\s+(?:måste|borde|behöver|ska|bör)\s+(?P<what>.+)|\bingen\s+(?:har\s+)?(?:tagit|äger)\s+(?P<what7>.+)|^\W*(?:todo|att\s+göra|åtgärd)\s*[:\-]\s*(?P<what2>.+)"
               r"|\bvi\s+(?:måste|behöver)\s+(?:också\s+|fortfarande\s+|även\s+)?(?P<what3>.+)|\bvi\s+borde\s+(?:också|även)\s+(?P<what6>.+)",
    answer=r"^\W*(?:ja\b|nej\b|jo\b|japp|precis|jag\s+tror|det\s+är|den\s+är|vi\s+(?:har|kan|är|måste)|eftersom|för\s+att|enligt|det\s+finns)",
    not_known=r"\b(?:ingen\s+aning|vet\s+(?:inte|ej)|bra\s+fråga|oklart|osäker|inte\s+säker|(?:måste|får)\s+(?:kolla|dubbelkolla|fråga)|inte\s+mitt\s+beslut|inte\s+bestämt\s+än)\b",
    revision=r"^\W*(?:ändring|korrigering|uppdatering|nytt\s+upplägg|ändrad\s+plan|ändrade\s+planer|istället|förresten\s+nej)\b",
    conclude=r"^\W*(?:ok(?:ej|ay)?|bra|då|så|alltså|toppen|perfekt)\b[\s,.:;!-]*",
    consent=r"(?:^|[\s.,;]+)(?:ok(?:ej)?|(?:några\s+)?invändningar|alla\s+med|låter\s+det\s+bra|funkar\s+det(?:\s+för\s+alla)?|(?:någon|nån)\s+emot)\s*[?？]\s*$",
    course=COURSE_LEAD + r"\W*(?:[^\W\d_][\w\'-]*[,\s]+){0,3}?(?:(?:kan|får|ska)\s+jag\b|(?:ska|kan|bör|måste)\s+vi\b|(?!(?:har|är|vet)\s)\w+r\s+vi\b(?=[^?]*\?\s*$))",
    interim=r"\b(?:tills\s+vidare|under\s+tiden|så\s+länge|tillfälligt|temporärt|i\s+väntan\s+på)\b",
    alternative=r"\seller\s",
    contrast=r"\b(?:men|dock|fast|även\s+om)\b",
    refusal=r"\b(?:kan|får|bör|ska)\s+vi\s+inte\b|\bgår\s+inte\b",
    verdict=r"\b(?:är|blir)\s+(?:ok|godkänd|godkänt|struken|strukna)\b|\b(?:flyttas|skjuts(?:\s+upp)?)\s+till\b|\bligger\s+kvar\s+(?:på|i)\b",
    factual=r"\beller\s+(?:är|har|finns|blir)\s+(?!(?:vi|jag|du|ni)\b)\w+|^\W*(?:är|var|har|finns)\s+(?:det|den|de|han|hon|du)\b",
    policy=r"\b(?:från\s+och\s+med\s+(?:nu|idag|i\s+dag|imorgon|måndag|nästa\s+vecka)|hädanefter|framöver|i\s+fortsättningen)\b",
    due=r"",
    announce=r"^\W*(?:(?:ok(?:ej)?|så|då|alltså)[,.]?\s+)?vi\s+(?!(?:måste|borde|kan|ska|har|hade|är|var|vet|väntar|tittar|ser|pratar|tänker|funderar|vill|kommer|behöver)\b)[^\W\d_]{3,}(?:ar|er)\b(?!.*\?)",
    options=r"\b(?:alternativ(?:en)?|förslag(?:en)?|kandidater|offerter)\b[^.?!:]{0,80}:|\brösta\b|\bomröstning\b",
    react_call=r"\breagera\b|\b(?:\+1|tumme)\b.*\bom\b",
    when=r"\bnär\b|\bvilken\s+dag\b",
    small_step=r"\blåt\s+oss\s+(?:(?:först|snabbt|bara)\s+)?(?:kolla|titta|prata|ringa|ses|höras|felsöka)\b",
    aside=r"^\W*(?:förresten|apropå|en\s+annan\s+sak|annat\s+ämne|btw)\b",
    yes_no=r"^\W*(?:ja|nej|inte\s+än|inte\s+ännu)\s*[,.!;:]",
    second_person=r"\b(?:du|ni)\b",
    taken_back=r"\bglöm\s+det\b|\bstrunta\s+i\s+det\b",
    self_answered=r"^\W*(?:glöm\s+det|hittade\s+det|löste\s+det|har\s+hittat)",
    finding_out=r"\b(?:jag\s+(?:kollar|tar\s+reda\s+på|frågar|dubbelkollar|undersöker)|jag\s+återkommer|(?:måste|får)\s+(?:kolla|fråga|dubbelkolla))\b",
    suggestion=r"\bhar\s+du\s+(?:testat|provat|försökt)\b",
    who=r"\bvem\b",
    follow_up=r"^\W*och\b[^?？]*[?？]\s*$",
)

# Turkish puts the verb last and marks the person on it: "mailleri yarın atıyorum" (I send the mails tomorrow),
# "deneyeceğim" (I will try), "bakarım" (I'll look), "atalım" (let's send). A promise is a clause ending in a
# first-person verb, not negated ("-mıyorum", "-mayacağım", "-mam" say the opposite) and not one of thinking or knowing.
_TR_NOT_DOING = r"(?:düşünüyorum|biliyorum|bilmiyorum|sanıyorum|zannediyorum|istiyorum|görüyorum|anlıyorum|katılıyorum|katılmıyorum|umuyorum|seviyorum|öneriyorum|inanıyorum|korkarım|ederim|değilim|emin|kararım)"
_TR_MINE = (r"(?:ıyorum|iyorum|uyorum|üyorum|yorum|[ıiuü]?yoruz|y?acağım|y?eceğim|y?acağız|y?eceğiz|(?<!l[ae])[aeıiuü]?r[ıiuü]m|y?abilirim|y?ebilirim|y?ayım|y?eyim)")
_TR_NEGATED = r"(?:m[ıiuü]yor|m[ae]y[ae]c[ae]ğ|m[ae]m\b|m[ae]z\b|[ae]m[ae]m)"

TR = Lexicon(
    decided=r"(?:\bkarar\s*[:\-]|\bkarar\s+(?:verdik|verildi|aldık|alındı)\b|\bkararlaştırdık\b|\bkararlaştırıldı\b|\banlaştık\b|\bonaylandı\b|\bkesinleşti\b|\boy\s*birliği(?:yle)?\b|\bböyle\s+yapıyoruz\b|\bbununla\s+gidiyoruz\b"
            r"|\b\S+\s+(?:ile|ile\s+devam)\s+(?:gidiyoruz|devam\s+ediyoruz)\b(?!.*\?)|\b\S+(?:'?(?:la|le|yla|yle))\s+(?:gidiyoruz|devam\s+ediyoruz)\b(?!.*\?))",
    settles=r"(?:^\W*(?:özetle|sonuç|karar|kısacası|toparlarsak)\s*:\s*\w|^\W*(?:tamam|peki|o\s+zaman|oldu)?[\s,]*(?:anlaştık|tamamdır|karar\s+verildi|öyle\s+yapalım|öyle\s+olsun|o\s+zaman\s+öyle|anlaşıldı|kabul)\b"
            r"|^\W*o\s+zaman\s+\S+(?:\s+\S+)?\s*[.!]*$)",
    endorse=r"^\W*(?:@\S+\s+)?(?:katılıyorum|aynen|bence\s+de|bence\s+(?:olur|uygun|mantıklı|iyi)|mantıklı|iyi\s+fikir|uygun|olur\b|\+1|👍|bence\s+\w+(?:alım|elim)\b)",
    proposal=r"(?:\böneri(?:m)?\s*:|\böneriyorum\b|\bönerim\b|\bne\s+dersiniz\b|\b\w+(?:alım|elim)\s+m[ıi]\b|\b\w{2,}(?:alım|elim)\b|\b\w+(?:abiliriz|ebiliriz)\b|\b\w+(?:sak|sek)\s+m[ıi]\b|\bbence\s+\w+)",
    agree=r"^\W*(?:@\S+\s+)?(?:evet|tamam|tamamdır|olur\b|peki|aynen|katılıyorum|kesinlikle|tabii|tabi\b|süper|harika|mantıklı|iyi\s+fikir|bence\s+de|uygun|ok(?:ey)?\b|👍|\+1|anlaştık|olabilir|bence\s+\w+(?:alım|elim)\b)",
    disagree=r"^\W*(?:hayır|yok\b|bence\s+olmaz|katılmıyorum|ama\b|fakat\b|hmm|bekle\b|emin\s+değilim|olmaz\b)",
    defer=r"(?:\bsonra\s+(?:karar|konuş|bakarız|düşün|değerlendir)|\bhaftaya\s+(?:tekrar\s+)?(?:konuş|bak|karar)|\bertele(?:yelim|dik|yeceğiz|mek)?\b|\bbekleyelim\b|\bbeklememiz\b|\bbekliyoruz\b|\bhenüz\s+karar\s+(?:vermedik|verilmedi|yok)\b|\bkarar\s+yok\b|\bdüşünelim\b|\bdüşüneyim\b|\büzerinde\s+düşün|\bkarar\s+vermeden\s+önce\b|\baskıya\s+al|\btekrar\s+(?:konuşalım|değerlendirelim|bakalım)\b|\bsize\s+dönerim\b|\bdönüş\s+yaparım\b|\banket\b"
          r"|\b(?:rakamları|verileri|sayıları|teklifi|teklifleri)\s+(?:görmeden|görelim|görmemiz)\b)",
    waiting=r"(?<!\S)(?P<what>(?:(?!\bönce\b)[^.;!?,]){3,60}?)\s+(?:bekle(?:yelim|yeceğiz|memiz|mek|yoruz)|gelene\s+kadar|netleşene\s+kadar|belli\s+olana\s+kadar|gelince)\b",
    commit=rf"(?:^|[,;:]\s*)(?:ben\s+(?:de\s+|da\s+)?|bunu\s+ben\s+)?(?P<what>(?![^,;:.!?]*{_TR_NEGATED})(?![^,;:.!?]*\b{_TR_NOT_DOING})[^,;:.!?]*?[^\W\d_]{{2,}}{_TR_MINE})(?=\s*[,;:.!]|\s*$)"
           r"|(?:^|[,;:.]\s*)(?P<what5>[^,;:.!?]*?[^\W\d_]{2,}m[ae]m)\s+(?:lazım|gerek(?:iyor)?)\b"
           r"|^\W*(?P<mine>[^,;:]+?)\s+(?:bende|benden|bana\s+ait)\s*[.!]*$|^\W*(?:ben\s+(?:hallederim|bakarım|ilgilenirim|alırım)|bende)\W*$",
    accept=r"^\W*(?:@\S+\s+)?(?:tamam|tamamdır|olur\b|hallederim|ben\s+hallederim|bende\b|bakarım|ilgileniyorum|ok(?:ey)?\b|evet|tabii|tabi\b|elbette|memnuniyetle|hemen|yaparım|sorun\s+değil|anlaşıldı|not\s+aldım|👍)",
    request=rf"(?:^|[\s,(])(?:{NAME}(?:\s+(?:bey|hanım|abi|abla|hocam))?\s*[,:]\s*(?:lütfen\s+)?(?P<what>[^?]+?(?:[ae]bilir|[aeıiuü]r))\s+m[ıiuü]s[ıiuü]n(?:[ıi]z)?\b"
            rf"|^\W*@?(?P<who2>[^\W\d_][\w.-]*)(?:\s+(?:bey|hanım|abi|abla|hocam))?\s*[,:]\s*(?:lütfen\s+)?(?P<what2>[^?]+?)[,\s]+lütfen\s*[.!]*$"
            rf"|^\W*@?(?P<who3>[^\W\d_][\w.-]*)(?:\s+(?:bey|hanım|abi|abla|hocam))?\s*[,:]\s*lütfen\s+(?P<what3>[^?]+?)\s*[.!]*$)",
    assign=rf"^\W*{NAME}\s+(?P<what>[^.?!]+?\s[^\W\d_]{{2,}}(?:[ae]cak|[ae]cek))\s*[.!]*$",
    unassigned=r"\bbiri(?:nin|si)?\s+(?P<what>[^.?!]+?)\s+(?:lazım|gerek(?:iyor)?|şart)\b|\b(?P<what2>[^.?!,]+?)\s+(?:gerekiyor|lazım)\s*[.!]*$|^\W*(?:todo|yapılacak(?:lar)?)\s*[:\-]\s*(?P<what3>.+)",
    answer=r"^\W*(?:evet|hayır|yok\b|var\b|bence|sanırım|galiba|çünkü|şöyle|aslında|muhtemelen|yaklaşık|tahminen)",
    not_known=r"\b(?:bilmiyorum|bilemiyorum|fikrim\s+yok|emin\s+değilim|güzel\s+soru|iyi\s+soru|henüz\s+belli\s+değil|belli\s+değil|bakmam\s+lazım|kontrol\s+etmem\s+lazım|sormam\s+lazım|benim\s+kararım\s+değil)\b",
    revision=r"^\W*(?:düzeltme|güncelleme|plan\s+değişti|değişiklik|aslında\s+hayır|onun\s+yerine)\b",
    conclude=r"^\W*(?:tamam(?:dır)?|peki|o\s+zaman|yani|özetle|süper)\b[\s,.:;!-]*",
    consent=r"(?:^|[\s.,;]+)(?:tamam\s+m[ıi]|olur\s+mu|itiraz\s+(?:var\s+m[ıi]|eden)|herkes\s+(?:tamam|hemfikir)\s+mi|uygun\s+mu)\s*[?？]\s*$",
    course=r"(?:\b\w+(?:alım|elim)\s+m[ıi]|\b\w+(?:sak|sek)\s+m[ıi]|\b\w+(?:mal[ıi]\s+m[ıi]y[ıi]z|abilir\s+miyim|ebilir\s+miyim))\b",
    interim=r"\b(?:şimdilik|bu\s+arada|o\s+zamana\s+kadar|geçici\s+olarak|geçici)\b",
    alternative=r"\s(?:veya|ya\s+da|yoksa)\s",
    contrast=r"\b(?:ama|fakat|ancak|gerçi)\b",
    refusal=r"\b\w+(?:amayız|emeyiz)\b|\bolmaz\b",
    verdict=r"\b(?:onaylandı|iptal\s+edildi)\b|\b\S+(?:'?[ae])\s+(?:ertelendi|kaydı|taşındı)\b",
    factual=r"\b(?:mı|mi|mu|mü)\s+yoksa\b",
    policy=r"\b(?:bundan\s+sonra|artık|bugünden\s+itibaren|(?:yarından|pazartesiden)\s+itibaren)\b",
    due=r"",
    announce=r"^\W*(?:(?:tamam|peki|o\s+zaman)[,.]?\s+)?(?!.*\?)[^.?!]*\b(?:geri\s+alıyoruz|erteliyoruz|taşıyoruz|iptal\s+ediyoruz|donduruyoruz)\b",
    options=r"\b(?:seçenekler|alternatifler|adaylar|teklifler)\b[^.?!:]{0,80}:|\boylayın\b|\boylama\b",
    react_call=r"\b(?:emoji|tepki)\s+(?:bırakın|verin)\b",
    when=r"\bne\s+zaman\b|\bhangi\s+gün\b",
    small_step=r"\b(?:bakalım|kontrol\s+edelim|konuşalım|görüşelim|arayalım)\b",
    aside=r"^\W*(?:bu\s+arada|ayrıca|başka\s+bir\s+konu|konu\s+dışı)\b",
    yes_no=r"^\W*(?:evet|hayır|henüz\s+değil)\s*[,.!;:]",
    second_person=r"\b(?:sen|siz|sana|size)\b",
    taken_back=r"\bboş\s+ver\b|\bunut(?:un)?\b",
    self_answered=r"^\W*(?:boş\s+ver|buldum|çözdüm|hallettim)",
    finding_out=r"\b(?:(?:soruyorum|sorarım|bakıyorum|kontrol\s+ediyorum|öğrenirim|öğreneyim|bakayım|sorayım)\b|(?:bakmam|sormam|kontrol\s+etmem)\s+lazım)",
    suggestion=r"\b(?:denedin\s+mi|denediniz\s+mi)\b",
    who=r"\b(?:kim|kimin|kime)\b",
)

# Korean: a promise ends in "-ㄹ게요" (해볼게요, 물어볼게요, 보낼게요) or "-겠습니다" (처리하겠습니다); a request puts the
# name first ("Jenny 님, … 가능할까요?", "민준 씨, … 해 주세요"). Hangul syllables with a final ㄹ are listed rather than
# spelt out, since a regex cannot look inside a syllable.
_KO_RIEUL = "".join(chr(0xAC00 + i) for i in range(11172) if i % 28 == 8)  # 할, 볼, 낼, 줄, 드릴 …
_KO_NAME = r"@?(?P<who>[^\W\d_][\w.-]*)(?:\s*(?:님|씨|매니저님|팀장님))?"

KO = Lexicon(
    decided=r"결정(?:했|됐|되었|하였|입니다|합니다|\s*[:：])|확정(?:입니다|했|됐|되었|합니다|\s*[:：])|합의(?:했|됐|되었|\s*[:：])|만장일치|(?:으로|로)\s*(?:가겠습니다|하겠습니다|결정|확정|진행하겠습니다|정했습니다)",
    settles=r"^\W*(?:결론|정리하면|요약)\s*[:：]\s*\S|^\W*(?:좋아요|좋습니다|네|그럼|그러면)?[,\s]*(?:그렇게\s*(?:하죠|합시다|하겠습니다|가죠|갑시다|진행하죠|진행합시다)|콜(?=\W*$)|결정(?=\W*$)|확정(?=\W*$))",
    proposal=r"어떨까요|어때요|어떠세요|제안(?:합니다|드립니다|드려요|\s*[:：])|(?:하|가|보|쓰)죠(?!\s*[?？])|합시다|할까요|하는\s*게\s*(?:좋을|나을)",
    agree=r"^\W*(?:@\S+\s+)?(?:네|넵|넹|예|응|좋아요|좋습니다|좋네요|동의|찬성|괜찮|맞아요|맞습니다|그래요|그럽시다|오케이|ok\b|알겠습니다|알겠어요|물론|당연|콜|저도\s*(?:좋아요|찬성|동의)|\+1|👍)",
    endorse=r"^\W*(?:@\S+\s+)?(?:동의|찬성|좋은\s*(?:생각|아이디어)|저도\s*(?:좋아요|찬성|동의)|그렇게\s*하죠|\+1|👍)",
    disagree=r"^\W*(?:아니요|아뇨|아니|글쎄|음+|근데|그런데|하지만|반대|저는\s*반대|잠깐|잠시만)",
    defer=r"보류|나중에\s*(?:결정|정하|논의|얘기|이야기|다시)|다음\s*(?:주|회의|미팅|번)에\s*(?:다시|결정|논의|얘기|이야기)|다시\s*(?:논의|얘기|이야기|검토)|좀\s*더\s*(?:생각|검토|고민)|고민해\s*(?:볼게|보겠)|검토\s*후|결정\s*(?:은|을)?\s*(?:나중|미루|미뤄)|미루|미뤄|아직\s*(?:결정|정해지지|안\s*정)|결정하기\s*전에|먼저\s+(?:하죠|합시다|확인|보고|알아보)|기다려\s*(?:보죠|봅시다|야)|기다리(?:죠|자)|기다렸다가|기다린\s*(?:후|다음)|(?:나오면|확인되면|받으면|보고\s*나서)\s*(?:결정|정하|정해)",
    waiting=r"(?P<what>[^.?!,]{2,40}?)\s*(?:을|를)?\s*(?:기다리|기다려|기다렸|기다립|보고\s+나서|확인되면|나오면|받고\s+나서)",
    commit=rf"(?:^|[,.!]\s*)(?:[^,.!?]*?(?:아서|어서|해서|니까|는데|지만)\s+)?(?:(?:제가|저는|전|내가|나는|저도)\s+)?(?P<what>(?![^,.!?]*(?:알겠|모르겠|좋겠|감사하겠|되겠|싶|않을게|안\s))[^,.!?]*?(?:[{_KO_RIEUL}](?:게요|께요|게|께)|\S겠습니다|\S겠어요))(?=\s*[.!~]*\s*$|\s*[,.!])",
    accept=r"^\W*(?:@\S+\s+)?(?:네|넵|넹|예|알겠습니다|알겠어요|알았어요|확인했습니다|오케이|ok\b|좋아요|그럴게요|할게요|해볼게요|제가\s*할게요|맡겠습니다|물론|👍)",
    request=rf"(?:^|\s){_KO_NAME}\s*[,:]?\s+(?:(?P<what>[^?？]+?)\s*주(?:실\s*수\s*있(?:나요|을까요|으세요|어요)|세요|시겠어요|시겠습니까|실래요|겠어요)|(?P<what3>[^?？]+?)\s*할\s*수\s*있(?:나요|어요|을까요|으세요)"
            r"|(?P<what2>[^?？]+?\s*(?:가능(?=할까요|하세요|하신가요|한가요|하실까요)|부탁(?=드립니다|드려요|해요|합니다))))",
    assign=rf"^\W*{_KO_NAME}\s*(?:이|가|께서)?\s+(?P<what>[^.?!]+?)\s*(?:할\s*예정|하기로\s*했|맡기로|담당)",
    unassigned=r"누군가\s*(?P<what>[^.?!]+?)\s*(?:해야|필요)|(?P<what2>[^.?!,]+?)\s*(?:해야\s*(?:합니다|해요|돼요)|할\s*필요가\s*있)",
    answer=r"^\W*(?:네|예|아니요|아뇨|아마|제\s*생각에|그건|왜냐하면|있어요|없어요|맞아요)",
    not_known=r"모르겠|잘\s*모르|확실하지\s*않|확실치\s*않|좋은\s*질문|아직\s*(?:모르|정해지지|미정)|미정|확인해\s*봐야|물어봐야",
    revision=r"^\W*(?:정정|수정|변경|계획\s*변경|아\s*그리고\s*정정)",
    conclude=r"^\W*(?:그럼|그러면|좋아요|자|네)[,\s]*",
    consent=r"(?:괜찮으신가요|괜찮을까요|이견\s*있으신가요|반대\s*의견\s*있나요|다들\s*괜찮나요)\s*[?？]?\s*$",
    course=r"(?:할까요|해야\s*할까요|하는\s*게\s*(?:좋을까요|맞을까요)|해도\s*될까요)\s*[?？]?\s*$",
    interim=r"일단|당분간|임시로|그\s*전까지",
    alternative=r"\s(?:아니면|또는|혹은)\s",
    contrast=r"(?:^|\s)(?:근데|그런데|하지만|다만|그래도)",
    refusal=r"(?:할|될)\s*수\s*없|안\s*됩니다|어렵습니다",
    policy=r"앞으로는?|이제부터|오늘부터|다음\s*주부터",
    verdict=NEVER, factual=NEVER, due="",
    aside=r"^\W*(?:그리고\s*별개로|참고로|다른\s*얘기|그건\s*그렇고)",
    yes_no=r"^\W*(?:네|아니요|아뇨|아직이요|아직\s*안)\s*[,.!;:]",
    second_person=r"(?:^|\s)(?:당신|너|님)(?:\s|$)",
    taken_back=r"신경\s*쓰지\s*마세요|취소할게요",
    self_answered=r"^\W*(?:찾았어요|찾았습니다|해결했어요|해결됐어요)",
    finding_out=r"(?:확인해\s*(?:볼게요|보겠습니다)|물어볼게요|물어보겠습니다|알아볼게요|알아보겠습니다)",
    suggestion=r"해\s*보셨어요|해\s*보셨나요",
    who=r"누가|누구",
    follow_up=r"^\W*(?:그리고|그럼)\s*[^?？]*[?？]\s*$",
)

# Hebrew: prefixes join the word ("ו", "ה", "ב", "ל", "ש"); a first-person future opens with א ("אשלח" I'll send,
# "אבדוק" I'll check), a request to someone with ת ("תשלח", "תוכל"). Words read as one of those but not a promise
# (conjunctions and adverbs that open with א, "אחכה" I'll wait, "אהיה" I'll be) are listed in _HE_NOT_PROMISE.
_HE_NOT_PROMISE = (r"(?:אני|אבל|אולי|אחרי|אחר|אחרת|אם|אז|אין|איך|איפה|אנחנו|אחד|אחת|אותו|אותה|אותם|אצל|אפשר|אל|אף|אך|אמור|אמורה|אחלה|אוקיי|אוקי"
                   r"|אישור|אחראי|אחראית|אתה|את|אתם|אלה|אלו|אמרתי|אמרנו|אחכה|אהיה|אדע|אוהב|אוהבת|איזה|איזו|אגב|אכן|אמנם|אפילו|אולם|אחשוב|אנסה)")
HE = Lexicon(
    decided=r"(?:\bהחלטה\s*[:\-]|(?<!\w)ו?(?:החלטנו|הוחלט|סוכם|סיכמנו|הסכמנו|בחרנו)(?!\w)|\bסגרנו\s+(?:על|ש)|\bזה\s+(?:סגור|סופי)\b|\bפה\s+אחד\b"
            r"|(?<!אם\s)\b(?:הולכים|נלך|נשארים|נישאר|ממשיכים)\s+(?:על|עם)\b(?!.*\?))",
    settles=r"(?:^\W*(?:סיכום|לסיכום|בשורה\s+התחתונה|השורה\s+התחתונה)\s*:\s*\w|^\W*(?:אוקיי|אוקי|טוב|אז|יאללה|סבבה|מעולה)?[\s,]*(?:סגור|סגרנו|סוכם|מוסכם|דיל|הוחלט)(?!\w)|\bאז\s+הולכים\s+על\b)",
    endorse=r"^\W*(?:@\S+\s+)?(?:מסכים|מסכימה|מסכימים|מקובל(?:\s+עליי)?|נשמע\s+(?:טוב|מצוין|מעולה|הגיוני)|רעיון\s+טוב|אני\s+בעד|בעד(?!\w)|עובד\s+לי|מתאים\s+לי|\+1|👍)",
    proposal=r"(?:\bאני\s+מציע(?:ה)?\b|\bמה\s+דעתכם\s+(?:על|ש)|\bמה\s+אם\s+נ|\bבו(?:או|א)\s+נ\w+|\bאולי\s+נ\w+|\bכדאי\s+ש?נ\w+|\bהייתי\s+(?:הולך|הולכת|בוחר|בוחרת|מעדיף|מעדיפה)\b|\bהצעה\s*:)",
    agree=r"^\W*(?:@\S+\s+)?(?:כן(?!\w)|מסכים|מסכימה|בסדר|סבבה|אחלה|מעולה|מצוין|יופי|בטח|ברור|נשמע\s+(?:טוב|מצוין|מעולה|הגיוני)|מקובל|אוקיי|אוקי|יאללה|בדיוק|נכון|בעד|אני\s+בעד|הגיוני|\+1|👍)",
    disagree=r"^\W*(?:לא(?!\w)|לא\s+מסכים|לא\s+מסכימה|אני\s+נגד|נגד(?!\w)|עדיף\s+שלא|אבל(?!\w)|המ+|רגע(?!\w)|לא\s+בטוח)",
    defer=r"(?:\bה?החלטה\s+(?:ה?סופית\s+)?(?:היא\s+)?(?:אצל|של)\s|(?:נחכה|מחכים)[^.?!]*לפני\s+ש(?:נחליט|מחליטים|נסגור)|\bנחזור\s+(?:לזה|לנושא|לעניין)|\bנדבר\s+על\s+זה\s+(?:ב|אחרי|מחר|שוב)|\bנחליט\s+(?:ב|אחרי|מחר|כש|לאחר|בהמשך)|\b(?:עוד|עדיין)\s+לא\s+(?:החלטנו|הוחלט|סגרנו|סגור|סופי)|\bאין\s+(?:עדיין\s+|עוד\s+)?החלטה|\bבלי\s+החלטה"
          r"|\bלפני\s+ש(?:נחליט|מחליטים|נסגור)|\bנחכה\s+ל|\bמחכים\s+ל|\bצריך\s+(?:קודם\s+)?(?:מספרים|נתונים|הצעת\s+מחיר)|\b(?:לחשוב|נחשוב)\s+על\s+זה|\bנדחה\s+את|\bלדחות\s+את|\bבהמתנה\b|\bלא\s+עכשיו\b)",
    waiting=r"(?:נחכה\s+ל|מחכים\s+ל|מחכה\s+ל|תלוי\s+ב|עד\s+ש)(?P<what>[^.;!?]{3,80}?)(?=\s+(?:לפני|ואז)(?!\w)|\s*[.;!?]|\s*$)",
    commit=rf"(?:^|[,;:.]\s*|\bאני\s+|(?<!\w)ו)(?:(?:אני|גם|כבר|היום|מחר|עכשיו)\s+){{0,2}}(?P<what>(?!{_HE_NOT_PROMISE}(?!\w))א[א-ת]{{2,5}}(?!\w).*)"
           r"|\bאני\s+(?P<what2>(?:מטפל|מטפלת|לוקח|לוקחת|שולח|שולחת|כותב|כותבת|מעדכן|מעדכנת|מכין|מכינה|מתקן|מתקנת|קובע|קובעת|מריץ|מריצה|מארגן|מארגנת|מזמין|מזמינה)(?!\w).+)"
           r"|\bאני\s+(?:יכול|יכולה)\s+(?P<what3>ל[א-ת]{3,}(?!\w).*)"
           r"|^\W*(?P<mine>[^,;:]+?)\s+(?:עליי|עלי)\s*[.!]*$|^\W*(?:זה\s+)?(?:עליי|עלי|אני\s+על\s+זה)\W*$",
    accept=r"^\W*(?:@\S+\s+)?(?:בטח|אין\s+בעיה|סגור|על\s+זה|אני\s+על\s+זה|בסדר|סבבה|אוקיי|אוקי|כן(?!\w)|יאללה|עליי|עלי(?!\w)|מטפל|מטפלת|בשמחה|קיבלתי|רשמתי|הבנתי|אעשה|תסמכו\s+עליי|👍)",
    request=rf"(?:^|[\s,(])(?:{NAME}(?:\s*[,:—–])?\s+(?:(?:תוכל|תוכלי|תוכלו|אתה\s+יכול|את\s+יכולה|אתם\s+יכולים)\s+(?:בבקשה\s+)?|בבקשה\s+)(?P<what>.+?)(?:\?|$))"
            rf"|^\W*@?(?P<who4>[^\W\d_][\w.-]*)[,:]\s+(?P<what4>(?!(?:תודה|תראה|תראי|תשמע|תשמעי|תקשיב|תקשיבי|תחשוב|תגיד|תגידי)(?!\w))ת[א-ת]{{2,}}(?!\w)[^?]*?)(?:[,\s]+בבקשה)?\s*[.!?]*$",
    assign=rf"^\W*{NAME}\s+(?P<what>(?:ישלח|תשלח|יבדוק|תבדוק|יכתוב|תכתוב|יעדכן|תעדכן|יטפל|תטפל|יכין|תכין|ידבר|תדבר|יתקן|תתקן|יקבע|תקבע|לוקח|לוקחת|אחראי|אחראית)(?!\w).+)",
    unassigned=r"\bמישהו\s+(?:צריך|צריכה|חייב)\s+(?P<what>.+)|^\W*(?:todo|משימה|משימות)\s*[:\-]\s*(?P<what2>.+)|\b(?:אנחנו\s+)?(?:צריכים|חייבים)\s+(?:גם\s+|עוד\s+)?(?P<what3>ל[א-ת]{3,}(?!\w).+)",
    answer=r"^\W*(?:כן(?!\w)|לא(?!\w)|נראה\s+לי|אני\s+חושב|אני\s+חושבת|כי(?!\w)|בגלל|זה(?!\w)|יש(?!\w)|אין(?!\w)|לפי(?!\w))",
    not_known=r"(?:אין\s+לי\s+מושג|לא\s+יודע|לא\s+יודעת|שאלה\s+טובה|לא\s+בטוח|לא\s+בטוחה|צריך\s+לבדוק|עוד\s+לא\s+ידוע|לא\s+ברור)",
    revision=r"^\W*(?:תיקון|עדכון|שינוי\s+(?:תוכנית|תכנית|בתוכנית|בתכנית)|בעצם)(?!\w)",
    conclude=r"^\W*(?:אוקיי|אוקי|טוב|אז|יאללה|סבבה|מעולה)(?!\w)[\s,.:;!-]*",
    consent=r"(?:^|[\s.,;]+)(?:בסדר|מקובל|(?:יש\s+)?התנגדויות|כולם\s+מסכימים|מישהו\s+נגד|סבבה|מתאים\s+לכולם)\s*[?？]\s*$",
    course=COURSE_LEAD + r"\W*(?:[^\W\d_][\w\'-]*[,\s]+){0,3}?(?:(?:אפשר|מותר)\s+(?:לי|שאני)(?!\w)|(?:אנחנו\s+)?(?:צריכים|אמורים|חייבים)(?!\w)|כדאי\s+ש?נ)",
    interim=r"(?:בינתיים|בינתים|עד\s+אז|זמנית|באופן\s+זמני)",
    alternative=r"\sאו\s",
    contrast=r"(?:^|\s)(?:אבל|אך|למרות)(?!\w)",
    refusal=r"(?:אי\s+אפשר|אנחנו\s+לא\s+יכולים|לא\s+נוכל|אסור)(?!\w)",
    verdict=r"(?<!\w)(?:זז|זזה|עובר|עוברת|נדחה|נדחית|נדחים)\s+ל",
    factual=NEVER,
    policy=r"(?:מעכשיו|מהיום|מעתה|החל\s+מ)",
    due="",
    options=r"(?:אפשרויות|אופציות|מועמדים)[^.?!:]{0,80}:|(?<!\w)(?:הצביעו|הצבעה)(?!\w)",
    when=r"(?<!\w)(?:מתי|באיזה\s+יום)(?!\w)",
    small_step=r"\bבו(?:או|א)\s+(?:קודם\s+)?(?:נבדוק|נסתכל|נדבר|נעלה\s+לשיחה)(?!\w)",
    aside=r"^\W*(?:אגב|דרך\s+אגב|בנושא\s+אחר)(?!\w)",
    yes_no=r"^\W*(?:כן|לא|עוד\s+לא|עדיין\s+לא)\s*[,.!;:]",
    second_person=r"(?<!\w)(?:אתה|אתם|אתן|לך|לכם)(?!\w)",
    taken_back=r"(?:עזבו|תתעלמו|תתעלם)(?!\w)",
    self_answered=r"^\W*(?:מצאתי|הסתדרתי|פתרתי|עזבו)",
    finding_out=r"(?<!\w)(?:אבדוק|אברר|אשאל|אחזור\s+אליך|אחזור\s+אליכם)(?!\w)",
    suggestion=r"(?<!\w)(?:ניסית|ניסיתם)(?!\w)",
    who=r"(?<!\w)מי(?!\w)",
    follow_up=r"^\W*ומה\s+(?:עם|לגבי)(?!\w)[^?？]*[?？]\s*$",
)

# Vietnamese: no inflection, so the cues are words. "I" is a kinship word as often as "tôi"/"mình" ("em sẽ gửi",
# "để anh xem"); a name is called with "ơi" ("Minh ơi, …"), and a request ends in a particle ("được không?", "nhé").
_VI_I = r"(?:em|mình|tôi|tớ|anh|chị)"
_VI_YOU = r"(?:(?:anh|chị|em|bạn|cậu)\s+)?"
_VI_TAIL = r"(?:\s+(?:giúp|hộ)\s+(?:anh|chị|em|mình|tôi))?(?:\s+(?:được\s+không|đc\s+không|được\s+ko|nhé|nha|nhá|với|ạ|luôn))*"
VI = Lexicon(
    decided=r"(?:\bquyết\s+định\s*[:\-]|\b(?:mình|chúng\s+ta|team|bên\s+mình|mọi\s+người)\s+(?:đã\s+)?(?:quyết\s+định|thống\s+nhất|chốt)\b|\bchốt\s*[:\-]|\b(?:đã\s+)?chốt\s+(?:là|phương\s+án|lại|luôn|vậy|nhé|nha)\b|\bchốt\s*[.!]"
            r"|\bthống\s+nhất\s+(?:là|vậy|như\s+vậy|chọn)\b|\bnhất\s+trí\s+(?:là|chọn|với)\b|\b(?:mình|chúng\s+ta|team)\s+(?:sẽ\s+)?(?:chọn|đi\s+với|dùng|theo)\s+(?:phương\s+án|option|bản|cách)\b(?!.*\?)|\bquyết\s+vậy\b|\blàm\s+vậy\s+(?:đi|nhé|nha)\b)",
    settles=r"(?:^\W*(?:tóm\s+lại|kết\s+luận|chốt\s+lại)\s*[:,]\s*\w|^\W*(?:ok(?:e|ay)?|vậy|thế|được|rồi)?[\s,]*(?:chốt|thống\s+nhất|quyết\s+vậy|vậy\s+nhé|vậy\s+đi|deal)\b|\bvậy\s+(?:thì\s+)?(?:chốt|làm\s+vậy|thống\s+nhất)\b)",
    endorse=rf"^\W*(?:@\S+\s+)?(?:{_VI_I}\s+)?(?:đồng\s+ý|nhất\s+trí|ủng\s+hộ|hợp\s+lý|ý\s+hay|chuẩn|ok\s+(?:với|luôn)|\+1|👍)",
    proposal=rf"\b(?:{_VI_I}\s+(?:đề\s+xuất|đề\s+nghị|nghĩ\s+(?:mình|chúng\s+ta)\s+nên|nghiêng\s+về|vote)|hay\s+là\s+(?:mình|chúng\s+ta)|(?:mình|chúng\s+ta)\s+(?:nên|có\s+thể|thử)|thế\s+còn|còn\s+(?:phương\s+án|option))\b|\bđề\s+xuất\s*:",
    agree=rf"^\W*(?:@\S+\s+)?(?:{_VI_I}\s+)?(?:đồng\s+ý|nhất\s+trí|ok(?:e|ie)?\b|được\b|đc\b|ừ\b|ừm|vâng|dạ|đúng|chuẩn|hợp\s+lý|ủng\s+hộ|tuyệt|ổn\b|ý\s+hay|chắc\s+chắn|tất\s+nhiên|\+1|👍)",
    disagree=rf"^\W*(?:không\b|ko\b|hmm|khoan|chờ\s+đã|nhưng|(?:{_VI_I}\s+)?(?:không\s+đồng\s+ý|phản\s+đối|nghĩ\s+không\s+nên)|chưa\s+chắc)",
    defer=r"(?:\bquyết\s+định\s+(?:cuối(?:\s+cùng)?\s+)?(?:vẫn\s+)?(?:là\s+)?(?:của|thuộc\s+về|do)\s|\b(?:chờ|đợi)\b[^.?!]*\b(?:quyết|chốt)\b|\b(?:để|tính)\s+sau\b|\bbàn\s+(?:lại|thêm|tiếp)\b|\bthảo\s+luận\s+(?:thêm|lại|tiếp)\b|\bchưa\s+(?:quyết(?:\s+định)?|chốt|thống\s+nhất)\b|\b(?:suy\s+nghĩ|cân\s+nhắc|xem\s+xét)\s+thêm\b"
          r"|\b(?:chờ|đợi)\s+(?:có\s+)?(?:số\s+liệu|dữ\s+liệu|báo\s+giá|ý\s+kiến|phản\s+hồi|sếp|ban\s+giám\s+đốc|kết\s+quả|quyết\s+định)|\btrước\s+khi\s+(?:quyết|chốt)\b|\bhoãn\b|\btạm\s+gác\b|\b(?:tuần\s+sau|mai)\s+(?:quyết|chốt|bàn)\b|\b(?:quyết|chốt)\s+sau\b)",
    waiting=r"\b(?:chờ|đợi|phụ\s+thuộc\s+vào|tùy\s+vào|sau\s+khi\s+có)\s+(?P<what>[^.;!?,]{3,80}?)(?=\s+(?:rồi|trước\s+khi)\b|\s*[.;!?,]|\s*$)",
    commit=rf"\b{_VI_I}\s+(?:sẽ|xin|nhận|lo)\s+(?!(?:xem\s+xét|suy\s+nghĩ|nghĩ|cân\s+nhắc|không|chưa|cố|là|phép)\b)(?P<what>\S.+)"
           rf"|\bđể\s+{_VI_I}\s+(?!(?:xem\s+xét|suy\s+nghĩ|nghĩ|cân\s+nhắc)\b)(?P<what2>\S.+)"
           r"|\b(?:em|mình|tôi|tớ)\s+(?P<what3>(?:làm|gửi|check|kiểm\s+tra|cập\s+nhật|viết|liên\s+hệ|gọi|soạn|chuẩn\s+bị|đặt|book|fix|sửa|review|deploy|báo|hỏi)\b(?![^.!?]*\b(?:rồi|xong)\s*[.!]*$).+)"
           r"|^\W*(?P<mine>[^,;:]+?)\s+(?:để\s+)?(?:em|mình|tôi|tớ)\s+(?:lo|nhận|làm)\s*(?:nhé|nha|cho)?\s*[.!]*$",
    accept=r"^\W*(?:@\S+\s+)?(?:ok(?:e|ie)?\b|dạ|vâng|được\b|đc\b|ừ\b|em\s+nhận|để\s+em|em\s+làm\s+(?:ngay|luôn)|không\s+vấn\s+đề|chắc\s+chắn|nhận\b|noted|rõ\b|👍)",
    request=rf"(?:^|[\s,(]){NAME}(?:\s+ơi)?\s*[,:]?\s+{_VI_YOU}(?:có\s+thể|giúp|nhờ|làm\s+ơn|xem\s+giúp|check\s+giúp)\s+(?P<what>.+?){_VI_TAIL}\s*(?:\?|[.!]*$)"
            rf"|^\W*@?(?P<who2>[^\W\d_][\w.-]*)(?:\s+ơi)?\s*[,:]\s+{_VI_YOU}(?P<what2>(?!(?:có|đã|là|ổn|sao)\b)[^?]+?)(?:\s+(?:giúp|hộ)\s+(?:anh|chị|em|mình|tôi))?\s+(?:được\s+không|đc\s+không|nhé|nha|nhá)(?:\s+ạ)?\s*[?.!]*$",
    assign=rf"^\W*{NAME}\s+(?:sẽ|lo|phụ\s+trách|nhận)\s+(?!(?:không|chưa|nghỉ|là)\b)(?P<what>.+)",
    unassigned=r"\b(?:ai\s+đó|có\s+ai)\s+(?:cần|nên|phải|có\s+thể)\s+(?P<what>.+)|^\W*(?:todo|việc\s+cần\s+làm|action\s+item)\s*[:\-]\s*(?P<what2>.+)|\b(?:mình|chúng\s+ta|team)\s+(?:cần|phải)\s+(?:(?:thêm|cũng)\s+)?(?P<what3>.+)|\bchưa\s+ai\s+(?:nhận|lo)\s+(?P<what7>.+)",
    answer=r"^\W*(?:có\b|không\b|vâng|dạ|đúng|em\s+nghĩ|mình\s+nghĩ|tôi\s+nghĩ|chắc\s+là|vì\b|bởi\s+vì|theo\b|đã\b|chưa\b|rồi\b)",
    not_known=r"\b(?:không\s+biết|ko\s+biết|chưa\s+biết|chưa\s+rõ|không\s+rõ|không\s+chắc|chưa\s+chắc|câu\s+hỏi\s+hay|phải\s+kiểm\s+tra|cần\s+check)\b",
    revision=r"^\W*(?:cập\s+nhật|đính\s+chính|sửa\s+lại|thay\s+đổi\s+kế\s+hoạch|à\s+không|thật\s+ra)\b",
    conclude=r"^\W*(?:ok(?:e)?|vậy|thế|rồi|được|tóm\s+lại)\b[\s,.:;!-]*",
    consent=r"(?:^|[\s.,;]+)(?:ok\s+không|được\s+không|mọi\s+người\s+(?:thấy\s+)?(?:ok|sao|đồng\s+ý)(?:\s+không)?|(?:có\s+)?ai\s+phản\s+đối\s+không)\s*[?？]\s*$",
    course=COURSE_LEAD + r"\W*(?:[^\W\d_][\w\'-]*[,\s]+){0,3}?(?:(?:mình|chúng\s+ta|team)\s+có\s+(?:nên|cần|phải)\b|(?:mình|chúng\s+ta)\s+(?:nên|có)\b(?=[^?]*\?\s*$)|(?:em|mình|tôi)\s+có\s+thể\b(?=[^?]*\?\s*$))",
    interim=r"\b(?:trong\s+lúc\s+chờ|tạm\s+thời|trước\s+mắt|trong\s+khi\s+chờ)\b",
    alternative=r"\s(?:hay|hoặc)\s",
    contrast=r"\b(?:nhưng|tuy\s+nhiên|mặc\s+dù)\b",
    refusal=r"\b(?:không\s+thể|không\s+được|ko\s+được)\b",
    verdict=r"\b(?:dời|lùi|chuyển)\s+(?:sang|qua|đến)\b",
    factual=NEVER,
    policy=r"\b(?:từ\s+(?:nay|bây\s+giờ|hôm\s+nay|tuần\s+sau)|kể\s+từ)\b",
    due="",
    options=r"\b(?:các\s+phương\s+án|phương\s+án|lựa\s+chọn)\b[^.?!:]{0,80}:|\bbình\s+chọn\b",
    when=r"\b(?:khi\s+nào|bao\s+giờ|hôm\s+nào|ngày\s+nào)\b",
    small_step=r"\b(?:mình|chúng\s+ta)\s+(?:cùng\s+)?(?:xem|check|kiểm\s+tra|họp|call|trao\s+đổi)\s+(?:trước|thử|nhanh)\b",
    aside=r"^\W*(?:nhân\s+tiện|à\s+mà|ngoài\s+lề|chuyện\s+khác)\b",
    yes_no=r"^\W*(?:có|không|chưa|rồi|vâng|dạ)\s*[,.!;:]",
    second_person=r"\b(?:bạn|anh|chị|cậu|các\s+bạn)\b",
    taken_back=r"\b(?:thôi\s+bỏ\s+qua|bỏ\s+qua\s+nhé|không\s+cần\s+nữa)\b",
    self_answered=r"^\W*(?:tìm\s+(?:được|thấy)\s+rồi|thôi\s+được\s+rồi)",
    finding_out=rf"\b(?:để\s+{_VI_I}\s+(?:check|kiểm\s+tra|hỏi|xem)|(?:em|mình|tôi)\s+(?:sẽ\s+)?(?:hỏi\s+lại|check\s+lại|kiểm\s+tra\s+lại)|(?:em|mình)\s+báo\s+lại\s+sau)\b",
    suggestion=r"\bđã\s+thử\b[^?？]*\bchưa\s*[?？]",
    who=r"\bai\s+(?:sẽ|làm|lo|nhận|phụ\s+trách|gửi|viết|check|có\s+thể)\b",
    follow_up=r"^\W*còn\b[^?？]*[?？]\s*$",
)

# Indonesian: no inflection either; "saya"/"aku"/"gue" promise with "akan", "nanti" or a bare verb ("saya kirim besok"),
# "biar saya …" offers, a request asks "bisa …?" or "tolong …" and ends in "ya".
_ID_I = r"(?:saya|aku|gue|gw)"
ID = Lexicon(
    decided=r"(?:\bkeputusan(?:nya)?\s*[:\-]|\b(?:kita|kami)\s+(?:sudah\s+|udah\s+)?(?:putuskan|memutuskan|sepakat|sepakati)\b|\b(?:sudah\s+|udah\s+)?(?:diputuskan|disepakati|disetujui)\b(?!.*\?)|\bsepakat\s+(?:ya|untuk|pakai)\b"
            r"|\bfix\s+(?:ya|kita|pakai|jadi|pilih|ambil)\b|^\W*fix\s*[.!]*$|\b(?:jadi\s+)?kita\s+(?:pakai|pilih|ambil|jalan\s+dengan|lanjut\s+dengan|tetap\s+(?:pakai|di|dengan))\b(?!.*\?)|\bfinal(?:nya)?\s*[:\-]|\bsuara\s+bulat\b)",
    settles=r"(?:^\W*(?:jadi|kesimpulan(?:nya)?|ringkasnya|intinya)\s*[:,]\s*\w|^\W*(?:oke|ok|sip|baik|jadi)?[\s,]*(?:deal|sepakat|fix|diputuskan)\b|\bjadi\s+kita\s+(?:pakai|pilih|ambil)\b)",
    endorse=rf"^\W*(?:@\S+\s+)?(?:setuju|sepakat|{_ID_I}\s+setuju|ide\s+bagus|masuk\s+akal|cocok|{_ID_I}\s+dukung|gas\b|\+1|👍)",
    proposal=rf"\b(?:{_ID_I}\s+usul(?:kan)?|gimana\s+kalau|bagaimana\s+kalau|kalau\s+kita|kita\s+(?:bisa|sebaiknya|coba)|sebaiknya\s+kita|mending(?:an)?\s+kita|{_ID_I}\s+(?:pilih|prefer|lebih\s+suka))\b|\busul(?:an)?\s*:",
    agree=r"^\W*(?:@\S+\s+)?(?:setuju|sepakat|oke|ok\b|okay|sip|siap|boleh|mantap|betul|benar|bener|iya|ya\b|yup|bagus|masuk\s+akal|cocok|gas\b|tentu|pasti|\+1|👍)",
    disagree=r"^\W*(?:tidak\b|nggak|gak\b|ga\b|enggak|kurang\s+setuju|tidak\s+setuju|gak\s+setuju|saya\s+keberatan|tapi\b|hmm|tunggu\s+dulu|bentar\b|belum\s+yakin|kurang\s+yakin)",
    defer=r"(?:\bkeputusan(?:nya)?\s+(?:akhir(?:nya)?\s+)?(?:tetap\s+|ada\s+)?(?:di|dari|pada)\s|\b(?:tunggu|menunggu|nunggu)\b[^.?!]*\b(?:memutuskan|diputuskan|putuskan|keputusan)\b|\b(?:nanti\s+)?(?:kita\s+)?bahas\s+(?:lagi|lebih\s+lanjut|nanti|minggu\s+depan|besok)\b|\bdibahas\s+(?:lagi|nanti)\b|\bditunda\b|\btunda\s+dulu\b|\bbelum\s+(?:ada\s+)?(?:keputusan|diputuskan|final|fix|sepakat)\b"
          r"|\b(?:tunggu|menunggu|nunggu)\s+(?:dulu\s+)?(?:keputusan|jawaban|data|angka|approval|persetujuan|konfirmasi|kabar|hasil|manajemen|direksi|atasan|pak|bu)\b|\bpikir(?:-pikir|kan)?\s+dulu\b|\bdipikirkan\s+dulu\b"
          r"|\b(?:putuskan|diputuskan)\s+(?:nanti|minggu\s+depan|besok|setelah)\b|\bsebelum\s+(?:memutuskan|diputuskan|kita\s+putuskan)\b|\bbutuh\s+(?:data|angka|penawaran)\s+dulu\b)",
    waiting=r"\b(?:tunggu|menunggu|nunggu|tergantung|sampai\s+ada|setelah\s+ada)\s+(?P<what>[^.;!?,]{3,80}?)(?=\s+(?:sebelum|baru|dulu)\b|\s*[.;!?,]|\s*$)",
    commit=rf"\b{_ID_I}\s+(?:akan|nanti|coba|yang|siap|bakal|segera)\s+(?!(?:pikir|lihat\s+dulu|setuju|bilang|ikut|tidak|nggak|gak)\b)(?P<what>\S.+)"
           rf"|\bbiar\s+{_ID_I}(?:\s+yang)?\s+(?P<what2>\S.+)"
           rf"|\b{_ID_I}\s+(?P<what3>(?:kirim|cek|urus|handle|kerjakan|siapkan|buat|bikin|tulis|update|hubungi|telepon|telpon|follow\s+up|perbaiki|beresin|atur|jadwalkan|pesan|booking|review|deploy|rilis|tanyakan|infokan|kabari)\b.+)"
           rf"|^\W*(?P<mine>[^,;:]+?)\s+(?:biar\s+)?{_ID_I}\s+(?:yang\s+)?(?:urus|handle|pegang|kerjakan)\s*(?:ya)?\s*[.!]*$|^\W*{_ID_I}\s+(?:yang\s+)?(?:pegang|handle|urus)\s+(?:ini|itu)\W*$",
    accept=rf"^\W*(?:@\S+\s+)?(?:siap|oke|ok\b|sip|baik|bisa|boleh|noted|tentu|pasti|beres|{_ID_I}\s+(?:kerjakan|urus)|aman\b|👍)",
    request=rf"(?:^|[\s,(]){NAME}(?:\s*[,:—–])?\s+(?:bisa|boleh|tolong|mohon|minta)\s+(?:tolong\s+|bantu\s+|minta\s+)?(?P<what>.+?)(?:\s+(?:ya|yah|ga|gak|nggak|kah|dong))*\s*(?:\?|[.!]*$)"
            rf"|(?:bisa|tolong)\s+(?P<what2>.+?),?\s+@?(?P<who2>[^\W\d_][\w.-]*)\s*[?!]"
            rf"|^\W*@?(?P<who3>[^\W\d_][\w.-]*)[,:]\s+(?P<what3>(?!(?:terima\s+kasih|makasih|thanks|iya|oke|ok)\b)[^?]+?)\s+ya\s*[.!]*$",
    assign=rf"^\W*{NAME}\s+(?:akan|yang|bakal|pegang|handle|urus)\s+(?!(?:tidak|nggak|gak|cuti|libur|setuju)\b)(?P<what>.+)",
    unassigned=r"\b(?:seseorang|ada\s+yang|siapa\s+pun)\s+(?:harus|perlu|mesti)\s+(?P<what>.+)|^\W*(?:todo|to\s*do|tugas|action\s+item)\s*[:\-]\s*(?P<what2>.+)|\bkita\s+(?:harus|perlu|mesti)\s+(?:juga\s+|masih\s+)?(?P<what3>.+)|\bbelum\s+ada\s+yang\s+(?:pegang|handle|urus|ambil)\s+(?P<what7>.+)",
    answer=r"^\W*(?:ya\b|iya|tidak\b|nggak|gak\b|enggak|bukan|sudah|udah|belum|saya\s+rasa|kayaknya|sepertinya|karena|soalnya|menurut|ada\b)",
    not_known=r"\b(?:tidak\s+tahu|nggak\s+tahu|gak\s+tahu|ga\s+tau|gak\s+tau|nggak\s+tau|kurang\s+tahu|belum\s+tahu|belum\s+jelas|tidak\s+yakin|gak\s+yakin|pertanyaan\s+bagus|harus\s+cek|perlu\s+dicek)\b",
    revision=r"^\W*(?:ralat|koreksi|perubahan\s+rencana|ganti\s+rencana|eh\s+ternyata)\b",
    conclude=r"^\W*(?:oke|ok|sip|baik|jadi|yaudah|ya\s+udah|ya\s+sudah)\b[\s,.:;!-]*",
    consent=r"(?:^|[\s.,;]+)(?:oke|setuju|ada\s+(?:yang\s+)?keberatan|semua\s+setuju|gimana|aman)\s*[?？]\s*$",
    course=rf"^\W*(?:[^\W\d_][\w\'-]*[,\s]+){{0,3}}?(?:(?:boleh|bisa)\s+{_ID_I}\b|(?:apa(?:kah)?\s+)?kita\s+(?:harus|perlu|mau|jadi|tetap)\b|(?:perlu|haruskah)\s+kita\b)",
    interim=r"\b(?:sementara(?:\s+ini|\s+itu)?|untuk\s+sementara|sambil\s+menunggu)\b",
    alternative=r"\satau\s",
    contrast=r"\b(?:tapi|tetapi|namun|meskipun|walaupun)\b",
    refusal=r"\b(?:(?:kita|saya|aku)\s+(?:tidak|nggak|gak|ga)\s+bisa|tidak\s+boleh|gak\s+boleh|nggak\s+boleh)\b",
    verdict=r"\b(?:diundur|dimundurkan|dipindah|pindah)\s+ke\b",
    factual=r"^\W*(?:apakah|apa)\s+(?:itu|ini|dia|sudah|ada)\b",
    policy=r"\b(?:mulai\s+(?:sekarang|hari\s+ini|besok|minggu\s+depan|senin)|ke\s+depannya|seterusnya)\b",
    due="",
    options=r"\b(?:opsi(?:nya)?|pilihan(?:nya)?|kandidat(?:nya)?)\b[^.?!:]{0,80}:|\bvoting\b",
    when=r"\b(?:kapan|hari\s+apa|tanggal\s+berapa)\b",
    small_step=r"\b(?:kita|yuk)\s+(?:cek|lihat|bahas|diskusi|call|meeting|ngobrol)\s+(?:dulu|sebentar|bareng)\b",
    aside=r"^\W*(?:oh\s+ya|ngomong-ngomong|omong-omong|satu\s+lagi|hal\s+lain)\b",
    yes_no=r"^\W*(?:iya|tidak|nggak|belum|sudah|udah)\s*[,.!;:]",
    second_person=r"\b(?:kamu|anda|kalian|mbak)\b",
    taken_back=r"\b(?:gak\s+jadi|nggak\s+jadi|tidak\s+jadi|abaikan)\b",
    self_answered=r"^\W*(?:udah\s+ketemu|sudah\s+ketemu|gak\s+jadi|nggak\s+jadi)",
    finding_out=rf"\b{_ID_I}\s+(?:cek|tanya|tanyakan|konfirmasi)\s+(?:dulu|ke|sama)\b|\bnanti\s+{_ID_I}\s+kabari\b|\b{_ID_I}\s+kabari\s+(?:nanti|lagi)\b",
    suggestion=r"\b(?:sudah|udah)\s+(?:coba|dicoba)\b",
    who=r"\bsiapa\b",
    follow_up=r"^\W*(?:kalau|terus|lalu)\b[^?？]*[?？]\s*$",
)


# Ukrainian: read as Russian is read (a promise is a first-person verb in -у/-ю, "надішлю", "перевірю"; a request names
# the person and asks "можеш …?"), with Ukrainian's own words; told from Russian by its letters (і, ї, є, ґ).
UK = Lexicon(
    decided=r"(?:\bрішення\s*[:\-]|\b(?:ми\s+)?(?:вирішили|домовилися|домовились|затвердили|обрали|погодили)\b|\b(?:вирішено|затверджено|погоджено|ухвалено)\b|\bодноголосно\b|\bтак\s+і\s+зробимо\b|\bробимо\s+так\b"
            r"|(?<!якщо\s)(?<!що\s)\b(?:йдемо|беремо|залишаємо|залишаємося|обираємо|вибираємо)\s+(?:з\b|на\b|із\b)?(?!.*\?))",
    settles=r"(?:^\W*(?:отже|підсумок|загалом|коротше|резюмую)\s*:\s*\w|^\W*(?:ок(?:ей)?|ok|гаразд|добре|значить|тоді)?[\s,]*(?:домовилися|домовились|вирішено|так\s+і\s+зробимо|по\s+руках)\b"
            r"|^\W*(?:значить|тоді)\s+\w+(?:\s+\w+)?\W*$)",
    endorse=r"^\W*(?:@\S+\s+)?(?:згоден|згодна|згодні|підтримую|гарна\s+ідея|добра\s+ідея|звучить\s+(?:добре|чудово)|мені\s+підходить|я\s+за\b|\+1|👍)",
    proposal=r"\b(?:пропоную|давайте|давай|як\s+щодо|ми\s+могли\s+б|нам\s+варто|може(?:,)?\s+краще|я\s+б\s+(?:обрав|обрала|взяв|взяла|пішов|пішла|залишив|залишила))\b|\bпропозиція\s*:",
    agree=r"^\W*(?:@\S+\s+)?(?:так\b|ок(?:ей)?\b|ok\b|добре|гаразд|згоден|згодна|домовились|домовилися|чудово|супер|норм\b|нормально|підходить|звучить\s+(?:добре|чудово)|звісно|звичайно|точно|\+1|👍|я\s+за\b|підтримую|ага\b|саме\s+так|думаю,?\s+так)",
    disagree=r"^\W*(?:ні\b|не\s+згоден|не\s+згодна|я\s+проти|проти\b|краще\s+не|я\s+б\s+краще|але\b|хм|зачекай|стоп\b|не\s+впевнен)",
    defer=r"(?:\bповернемося\b|\bповернемось\b|\bвідкла(?:демо|сти|дено|даємо)\b|\bподумаємо\b|\bтреба\s+подумати\b|\bобговоримо\s+(?:на|в|у|пізніше|потім|завтра)\b|\b(?:вирішимо|вирішувати)\s+(?:пізніше|потім|після)\b|\bпоки\s+не\s+(?:вирішили|вирішуємо)\b|\bрішення\s+(?:поки\s+)?немає\b|\bбез\s+рішення\b"
          r"|\bперш\s+ніж\s+вирішувати\b|\bдо\s+того\s+як\s+(?:вирішимо|вирішувати)\b|\bпочекаємо\b|\bчекаємо\b|\bпотрібні\s+(?:спочатку\s+)?(?:цифри|дані|оцінки)\b|\bна\s+паузі\b|\bне\s+зараз\b)",
    waiting=r"\b(?:чекаємо|почекаємо|дочекаємося|залежить\s+від|поки\s+не)\s+(?P<what>[^.;!?]{3,80}?)(?=\s*,?\s+(?:перш\s+ніж|щоб|а\s+потім|і\s+тоді)\b|\s*[.;!?]|\s*$)",
    commit=r"(?:^|[,;:]\s*|\bя\s+|\bі\s+)(?:(?:я|це|цим|його|її|їх|тобі|вам|йому|їй|теж|також|ще|сьогодні|завтра|зараз|потім|одразу|швидко|тоді|зранку|вранці|ввечері|вдень|вже)\s+){0,3}"
           r"(?P<verbed>(?!(?:можу|хочу|думаю|знаю|розумію|вважаю|прошу|кажу|бачу|боюся|сподіваюся|люблю|пам'ятаю|працюю|живу|сиджу|стою|йду|іду|їду|чекаю|чую|відчуваю|пропоную|голосую|сумніваюся|згоден)\b)[^\W\d_]{3,}(?:ю|у|юся|уся|юсь|усь)\b.*)"
           r"|\b(?:я\s+)?(?:можу|буду|мені\s+(?:треба|потрібно))\s+(?:ще\s+)?(?P<what>(?!(?:бути|сказати|йти|піти)\b)[^\W\d_]+(?:ти|тися|тись)\b.*)"
           r"|\bберу\s+(?:це\s+)?(?:на\s+себе\s+)?(?P<what2>.*)"
           r"|^\W*(?P<mine>[^,;:]+?)\s+(?:на\s+мені\s*[.!]*$|(?:беру|візьму)\b)|^\W*(?:це\s+)?на\s+мені\W*$",
    accept=r"^\W*(?:@\S+\s+)?(?:зроблю|ок(?:ей)?\b|ok\b|добре|гаразд|так\b|звісно|без\s+проблем|беру|візьму|займуся|прийнято|зрозумів|зрозуміла|домовились|буде\s+зроблено|ага\b)",
    request=rf"(?:^|[\s,(])(?:{NAME}(?:\s*[,:—–])?\s+(?:(?:можеш|зможеш|можете|зможете|(?:не\s+)?міг\s+би\s+ти|(?:не\s+)?могла\s+б\s+ти|могли\s+б\s+ви)\s+(?:(?:будь\s+ласка|ще|теж|також),?\s+)*|будь\s+ласка,?\s+)(?P<what>.+?)(?:\?|$)"
            rf"|(?:можеш|зможеш)\s+(?:будь\s+ласка\s+)?(?P<what2>.+?),?\s+@?(?P<who2>[^\W\d_][\w.-]*)\s*\?"
            rf"|^\W*@?(?P<who3>[^\W\d_][\w.-]*)[,:]\s+(?P<inv>(?!(?:можеш|зможеш|знаєш|думаєш|хочеш|бачиш|пам'ятаєш|розумієш|вважаєш)\b)[^\W\d_]{{3,}}(?:єш|иш|їш))\s+(?P<what3>[^?]+?)\s*\?"
            rf"|^\W*@?(?P<who4>[^\W\d_][\w.-]*)[,:]\s+(?:будь\s+ласка,?\s*)?(?P<imp>(?!(?:дякую|привіт|слухай|дивись|до|давай|так|ні|ок|окей|добре|гаразд|чудово|супер)\b)[^\W\d_]{{3,}}(?:й|и|ь|іть|йте))\s+(?P<what4>[^?]+?)(?:[,\s]+будь\s+ласка)?\s*[.!]*$"
            rf"|^\W*@?(?P<who5>[^\W\d_][\w.-]*)[,:]\s+(?P<what5>[^?]+?)[,\s]+будь\s+ласка\s*[.!]*$)",
    assign=rf"^\W*{NAME}\s+(?P<what>(?:зробить|надішле|напише|перевірить|підготує|візьме|займеться|подивиться|оновить|зателефонує|виправить|викотить)\b.+)",
    unassigned=r"\bхтось\s+(?:має|повинен|повинна|мусить|може)\s+(?P<what>.+)|\bніхто\s+(?:поки\s+)?не\s+взяв\s+(?P<what7>.+)|^\W*(?:todo|задача)\s*[:\-]\s*(?P<what2>.+)"
               r"|\b(?:нам\s+)?(?:треба|потрібно|необхідно)\s+(?:ще\s+)?(?P<what3>(?!чи\b)[^\W\d_]+(?:ти|тися)\b.+)",
    answer=r"^\W*(?:так\b|ні\b|думаю,?\s+що|здається|наче|бо\b|тому\s+що|це\b|є\b|ми\s+(?:можемо|вже|не)|лежить\s+(?:в|у)|за\s+документацією)",
    not_known=r"\b(?:не\s+знаю|гадки\s+не\s+маю|гарне\s+питання|добре\s+питання|треба\s+уточнити|треба\s+перевірити|не\s+впевнен(?:ий|а)|поки\s+(?:невідомо|незрозуміло)|не\s+моє\s+рішення|не\s+від\s+мене\s+залежить)\b",
    revision=r"^\W*(?:хоча\s+ні|поправка|зміна\s+планів|насправді|зрештою|update)\b",
    conclude=r"^\W*(?:ок(?:ей)?|ok|добре|гаразд|отже|значить|тоді|загалом|коротше|підсумок)\b[\s,.:;!-]*",
    consent=r"(?:^|[\s.,;]+)(?:ок|норм|нормально|згодні|(?:є\s+)?заперечення|всі\s+за|хто\s+проти|всі\s+згодні)\s*[?？]\s*$",
    course=COURSE_LEAD + r"\W*(?:[^\W\d_][\w\'-]*[,\s]+){0,3}?(?:можна\s+(?:я|мені)\b|(?:ми\s+)?(?:будемо|маємо|повинні|можемо)\b|чи\s+варто\b)",
    interim=r"\b(?:поки\s+що|а\s+поки|до\s+того\s+часу|тимчасово)\b",
    alternative=r"\s(?:або|чи)\s",
    contrast=r"\b(?:але|однак|хоча|проте|зате)\b",
    refusal=r"\b(?:не\s+можемо|не\s+можна|не\s+варто|не\s+вийде)\b",
    verdict=r"\b(?:затверджен[оаі]?|переноситься\s+на|переїжджає\s+на|залишається\s+(?:на|в|у))\b",
    factual=NEVER,
    policy=r"\b(?:з\s+(?:сьогодні|завтра|понеділка|цього\s+моменту)|відтепер|надалі|починаючи\s+з)\b",
    due=r"",
    options=r"\b(?:варіанти|опції|кандидати|пропозиції)\b[^.?!:]{0,80}:|\bголосуйте\b|\bголосування\b",
    when=r"\bколи\b|\bв\s+який\s+день\b|\bякого\s+числа\b",
    small_step=r"\bдавай(?:те)?\s+(?:спочатку\s+|швидко\s+)?(?:подивимось|подивимося|глянемо|перевіримо|зідзвонимося|зідзвонимось|обговоримо|розберемося|поговоримо)\b",
    aside=r"^\W*(?:до\s+речі|інше\s+питання|не\s+по\s+темі|офтоп)\b",
    yes_no=r"^\W*(?:ні|поки\s+ні|ще\s+ні)\s*[,.!;:]",
    second_person=r"\b(?:ти|ви|тобі|тебе)\b",
    taken_back=r"\bневажливо\b|\bпроїхали\b",
    self_answered=r"^\W*(?:неважливо|знайшов|знайшла|розібрався|розібралася)",
    finding_out=r"\b(?:уточню|з'ясую|спитаю\s+(?:в|у)|дізнаюся\s+(?:в|у)|(?:треба|потрібно)\s+(?:уточнити|з'ясувати|спитати))\b",
    suggestion=r"\b(?:а\s+)?(?:ти\s+)?пробував(?:ла|ли)?\b",
    who=r"\bхто\b",
)


# A day of the month given alone ("by the 30th", "antes del 30") is no amount, time or date in another form.
_NOT_A_UNIT = r"(?!\s*(?:%|:|\d|h\b|€|\$|k\b|d[eo]\s|of\s))"

# Due phrases, as written; group 1 is the phrase kept on the action item.
_DUE = {
    "en": (r"(?:by|before|until|till|on|due|no\s+later\s+than|for)",
           r"(?:(?:next|this|coming)\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:mon|tue|tues|wed|thu|thur|thurs|fri)\b\.?)|(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:\s+(?:morning|afternoon|evening|night|eod))?"
           r"|(?:mon|tue|tues|wed|thu|thur|thurs|fri)\b\.?|(?:tomorrow|tmrw|tmr|2moro)(?:\s+(?:morning|afternoon|evening|night|eod|noon))?|today|tonight|this\s+(?:morning|afternoon|evening|week)|(?:the\s+)?end\s+of\s+(?:the\s+|next\s+|this\s+)?(?:day|week|month|sprint|quarter)"
           r"|eod(?:\s+(?:today|tomorrow|(?:mon|tues|wednes|thurs|fri)day|(?:mon|tue|tues|wed|thu|thur|thurs|fri)\b))?|eow|cob|next\s+(?:week|month|sprint)|(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+\d{1,2}(?:st|nd|rd|th)?"
           r"|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
           r"|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}(?:/\d{2,4})?|noon|midnight|\d{1,2}(?::\d{2})?\s*(?:am|pm)|(?:(?<=\bby\s)|(?<=\bbefore\s)|(?<=\buntil\s)|(?<=\bdue\s))the\s+\d{1,2}(?:st|nd|rd|th)\b" + _NOT_A_UNIT + r")"),
    "de": (r"(?:bis|vor|am|spätestens)",
           r"(?:(?:nächsten?|diesen?|kommenden?)\s+)?(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)(?:\s*(?:früh|mittag|abend|nachmittag|vormittag))?"
           r"|morgen(?:\s+(?:früh|abend|nachmittag|vormittag))?|übermorgen|heute(?:\s+(?:abend|nachmittag|mittag))?|nächste\s+woche|diese\s+woche|ende\s+(?:der|des)\s+(?:woche|monats|sprints|tages)|eod|zum\s+\d{1,2}\.(?!\s*\d)|\d{1,2}\.\s*\d{1,2}\.(?:\d{2,4})?|\d{1,2}\.\s+(?:januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember)"),
    "fr": (r"(?:d'ici|avant|pour|jusqu'à|au\s+plus\s+tard)",
           r"(?:(?:ce|le)\s+)?(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)(?:\s+(?:prochain|matin|soir|midi|après-midi))?|demain(?:\s+(?:matin|soir|midi))?|aujourd'hui|ce\s+soir|(?<!\bde\s)(?<!\bdu\s)ce\s+matin|cet\s+après-midi"
           r"|la\s+semaine\s+prochaine|cette\s+semaine|(?:la\s+)?fin\s+de\s+(?:la\s+)?(?:semaine|journée|mois|sprint)|(?<=avant\s)le\s+\d{1,2}\b" + _NOT_A_UNIT + r"|(?<=d'ici\s)le\s+\d{1,2}\b" + _NOT_A_UNIT + r"|\d{1,2}(?:er)?\s+(?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)|\d{1,2}/\d{1,2}"),
    "es": (r"(?:para|antes\s+del?|hasta|el)",
           r"(?:el\s+)?(?:próximo\s+)?(?:lunes|martes|mi[ée]rcoles|jueves|viernes|s[áa]bado|domingo)(?:\s+\d{1,2}\b)?(?:\s+(?:que\s+viene|por\s+la\s+mañana|por\s+la\s+tarde))?|(?<!esta\s)mañana(?:\s+por\s+la\s+(?:mañana|tarde))?|hoy|esta\s+(?:tarde|noche|semana)"
           r"|la\s+semana\s+que\s+viene|la\s+próxima\s+semana|(?:el\s+)?fin\s+de\s+(?:semana|mes|sprint)|antes\s+del\s+\d{1,2}\b" + _NOT_A_UNIT + r"|(?<=para\s)el\s+\d{1,2}\b" + _NOT_A_UNIT + r"|\d{1,2}\s+de\s+(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre)|\d{1,2}/\d{1,2}"),
    "pt": (r"(?:até|antes\s+d[eao]|para|pra)",
           r"(?:(?:a\s+)?próxima\s+|nesta\s+|na\s+)?(?:segunda|ter[çc]a|quarta|quinta|sexta)(?:-feira)?|s[áa]bado|domingo|amanhã(?:\s+(?:de\s+manhã|cedo|à\s+tarde))?|hoje(?:\s+à\s+(?:tarde|noite))?"
           r"|semana\s+que\s+vem|(?:a\s+)?próxima\s+semana|esta\s+semana|(?:o\s+)?fim\s+d[ao]\s+(?:semana|mês|dia|sprint)|(?:(?<=até\s)o\s+)?(?<!\bno\s)(?<!\bnesse\s)(?<!\bdesde\s)dia\s+\d{1,2}\b" + _NOT_A_UNIT + r"|\d{1,2}\s+de\s+(?:janeiro|fevereiro|março|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro)|\d{1,2}/\d{1,2}"),
    "it": (r"(?:entro|per|prima\s+di|non\s+oltre)",
           r"(?:(?:il\s+)?prossimo\s+)?(?:lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica)(?:\s+(?:prossimo|mattina|pomeriggio|sera))?|domani(?:\s+(?:mattina|pomeriggio|sera))?|dopodomani|oggi|stasera|stamattina"
           r"|questa\s+settimana|la\s+settimana\s+prossima|(?:la\s+)?fine\s+(?:della\s+settimana|del\s+mese|dello\s+sprint|giornata)|\d{1,2}\s+(?:gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre)|\d{1,2}/\d{1,2}"),
    # Japanese and Chinese: the particle after the date ("金曜日までに", "周五前") is part of the phrase
    "nl": (r"(?:voor|vóór|tegen|uiterlijk|op|tot)",
           r"(?:(?:volgende|komende|deze|aanstaande)\s+)?(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)(?:\s*(?:ochtend|middag|avond|eod))?"
           r"|morgen(?:\s*(?:ochtend|middag|avond|vroeg))?|overmorgen|vandaag|vanavond|vanmiddag|vanochtend|volgende\s+week|deze\s+week|(?:het\s+)?(?:eind|einde)\s+van\s+(?:de|deze)\s+(?:week|maand|dag|sprint)"
           r"|eod|\d{1,2}\s+(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|jan|feb|mrt|apr|jun|jul|aug|sep|okt|nov|dec)|\d{1,2}-\d{1,2}(?:-\d{2,4})?"),
    "pl": (r"",
           r"(?:(?:do|na|w|we|przed|najpóźniej\s+(?:do|w|we))\s+)?(?:(?:przyszły|przyszłego|następny|następnego|ten|ten\s+najbliższy)\s+)?(?:poniedział(?:ek|ku)|wtor(?:ek|ku)|środ[aęy]|czwart(?:ek|ku)|piąt(?:ek|ku)|sobot[aęy]|niedziel[aęi])(?:\s+(?:rano|wieczorem|po\s+południu))?|(?:(?:do|na)\s+)?jutr[ao](?:\s+(?:rano|wieczorem|po\s+południu|do\s+południa))?|pojutrze|(?:na\s+)?dziś|(?:na\s+)?dzisiaj(?:\s+wieczorem)?|(?:do\s+)?końca\s+(?:tygodnia|dnia|miesiąca|sprintu)|w\s+przyszłym\s+tygodniu|w\s+tym\s+tygodniu|(?:do\s+)?\d{1,2}\.\d{1,2}(?:\.\d{2,4})?|(?:do\s+)?\d{1,2}\s+(?:stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października|listopada|grudnia)"),
    "ru": (r"",
           r"(?:(?:до|к|в|во|на)\s+)?(?:(?:следующ(?:ий|ую|ей|его|ему)|эт(?:от|у|ой))\s+)?(?:понедельник[ау]?|вторник[ау]?|сред[аыуе]|четверг[ау]?|пятниц[аыуе]|суббот[аыуе]|воскресень[яеюе])(?:\s+(?:утром|вечером|днём|днем))?|(?:до\s+)?завтра(?:\s+(?:утром|вечером|днём|днем|до\s+обеда))?|послезавтра|сегодня(?:\s+(?:вечером|днём|днем|до\s+конца\s+дня))?|(?:до\s+|к\s+)?конц[ау]\s+(?:дня|недели|месяца|спринта)|на\s+следующей\s+неделе|на\s+этой\s+неделе|(?:до\s+|к\s+)?\d{1,2}\.\d{1,2}(?:\.\d{2,4})?|(?:до\s+|к\s+)?\d{1,2}\s+(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)"),
    "sv": (r"(?:till|före|innan|senast|på|by)",
           r"(?:(?:nästa|kommande|på)\s+)?(?:måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag)(?:\s*(?:morgon|förmiddag|eftermiddag|kväll|eod))?(?:\s+nästa\s+vecka)?"
           r"|i\s*morgon(?:\s+(?:bitti|förmiddag|eftermiddag|kväll))?|i\s*övermorgon|övermorgon|i\s*dag|i\s+eftermiddag|i\s*kväll|i\s+förmiddag|nästa\s+vecka|den\s+här\s+veckan|denna\s+vecka|i\s+veckan"
           r"|(?:i\s+)?slutet\s+av\s+(?:veckan|månaden|dagen|sprinten)|eod|\d{1,2}\s+(?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december)|\d{1,2}/\d{1,2}"),
    # Turkish and Korean: the case ending or particle after the date ("cumaya kadar", "금요일까지") is part of the phrase
    "tr": (r"",
           r"(?:(?:gelecek|önümüzdeki|bu)\s+)?(?:pazartesi|salı|çarşamba|perşembe|cuma|cumartesi|pazar)(?:\s+(?:sabah|öğleden\s+sonra|akşam))?(?:(?:'?(?:ya|ye|a|e|ye))?\s+kadar|'?(?:ya|ye|a|e)|'?(?:dan|den)\s+önce|'?(?:ye|ya)\s+kadar)?"
           r"|yarın(?:\s+(?:sabah|öğleden\s+sonra|akşam|öğlene\s+kadar))?|öbür\s+gün|bugün(?:\s+(?:öğleden\s+sonra|akşam))?|bu\s+akşam|akşama\s+kadar|gün\s+sonuna\s+kadar|bu\s+hafta(?:\s+içinde|\s+sonuna\s+kadar)?|haftaya|gelecek\s+hafta|önümüzdeki\s+hafta|hafta\s+sonuna\s+kadar|ay\s+sonuna\s+kadar"
           r"|\d{1,2}\s+(?:ocak|şubat|mart|nisan|mayıs|haziran|temmuz|ağustos|eylül|ekim|kasım|aralık)(?:'?(?:a|e|ya|ye))?(?:\s+kadar)?|\d{1,2}[./]\d{1,2}(?:'?(?:e|a|ye|ya))?(?:\s+kadar)?"),
    "ko": ("", r"(?:오늘|내일|모레|이번\s*주(?:\s*안에|\s*중에?|\s*내로)?|다음\s*주(?:\s*[월화수목금토일]요일)?|이번\s*달|월말|주말|(?:이번\s*주\s*)?[월화수목금토일]요일|\d{1,2}월\s*\d{1,2}일)(?:\s*(?:오전|오후|아침|저녁|밤))?(?:\s*(?:까지|전에|중으로|안에|에))?"),
    "ja": ("", r"(?:今日|明日|明後日|今週|来週|今月|月末|週末|(?:来週の)?[月火水木金土日]曜(?:日)?|\d{1,2}月\d{1,2}日|\d{1,2}/\d{1,2}(?:[(（][月火水木金土日][)）])?(?=まで))(?:の(?:朝|夜|午前|午後|夕方))?(?:中に|中)?(?:までに|まで)?"),
    "zh": ("", r"(?:今天|明天|后天|今晚|这周|本周|下周[一二三四五六日天]?|周[一二三四五六日]|星期[一二三四五六日天]|月底|\d{1,2}月\d{1,2}[日号])(?:上午|下午|晚上|中午|下班)?(?:前|之前|以前)?"),
    "hi": ("", r"(?:आज|कल|परसों|इस\s+हफ्ते|अगले\s+हफ्ते|सोमवार|मंगलवार|बुधवार|गुरुवार|शुक्रवार|शनिवार|रविवार)(?:\s+(?:सुबह|शाम|रात|दोपहर))?(?:\s+\d{1,2}\s+बजे)?(?:\s+तक)?"),
    # Hebrew: the prefix joined to the date ("ביום חמישי", "עד מחר") is part of the phrase
    "he": ("", r"(?:(?:עד|לפני)\s+)?(?:[בל]|עד\s+ה|לפני\s+ה)?(?:יום\s+(?:ראשון|שני|שלישי|רביעי|חמישי|שישי)(?:\s+הבא)?|שבת|מחרתיים|מחר(?:\s+(?:בבוקר|בצהריים|בערב))?|היום|הערב|(?:ה)?שבוע\s+הבא|השבוע|סוף\s+(?:השבוע|היום|החודש|הספרינט)|\d{1,2}[./]\d{1,2})"),
    "vi": (r"(?:trước|hạn|trong|đến|tới|vào)",
           r"(?:(?:sáng|trưa|chiều|tối)\s+)?(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật)(?:\s+(?:tuần\s+(?:này|sau|tới)|này|sau|tới))?|(?:sáng|trưa|chiều|tối|ngày)\s+mai|hôm\s+nay|(?:sáng|trưa|chiều|tối)\s+nay"
           r"|cuối\s+(?:ngày|tuần|tháng|sprint)(?:\s+(?:này|sau))?|tuần\s+(?:này|sau|tới)|ngày\s+\d{1,2}(?:/\d{1,2})?|\d{1,2}/\d{1,2}"),
    "id": (r"(?:sebelum|paling\s+lambat|sampai|maksimal|hingga)",
           r"(?:hari\s+)?(?:senin|selasa|rabu|kamis|jum'?at|sabtu)(?:\s+(?:depan|ini|pagi|siang|sore|malam))?|hari\s+minggu(?:\s+depan)?|besok(?:\s+(?:pagi|siang|sore|malam))?|lusa|hari\s+ini|(?:sore|malam|siang)\s+ini|nanti\s+(?:sore|malam|siang)"
           r"|(?:minggu|pekan)\s+(?:ini|depan)|akhir\s+(?:minggu|pekan|bulan|hari|sprint)(?:\s+ini)?|eod|\d{1,2}\s+(?:januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|desember)|\d{1,2}/\d{1,2}"),
    "uk": (r"",
           r"(?:(?:до|на|в|у)\s+)?(?:(?:наступн(?:ий|ого|у|ої)|ц(?:ей|ього|ю|ієї))\s+)?(?:понеділ(?:ок|ка)|вівтор(?:ок|ка)|серед(?:а|у|и)|четвер(?:га)?|п[\'’ʼ]?ятниц(?:я|і|ю)|субот(?:а|и|у)|неділ(?:я|і|ю))(?:\s+(?:вранці|зранку|ввечері|вдень))?|(?:до\s+)?завтра(?:\s+(?:вранці|зранку|ввечері|вдень|до\s+обіду))?|післязавтра|сьогодні(?:\s+(?:ввечері|вдень|до\s+кінця\s+дня))?|(?:до\s+)?кінця\s+(?:дня|тижня|місяця|спринту)|наступного\s+тижня|цього\s+тижня|(?:до\s+)?\d{1,2}\.\d{1,2}(?:\.\d{2,4})?|(?:до\s+)?\d{1,2}\s+(?:січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня)"),
    "ar": (r"(?:قبل|بحلول|حتى)", r"(?:اليوم|غدا|غدًا|بكرة|بكره|بعد\s+غد|الأسبوع\s+الجاي|هذا\s+الأسبوع|الأسبوع\s+القادم|(?:يوم\s+)?(?:الأحد|الاثنين|الإثنين|الثلاثاء|الأربعاء|الخميس|الجمعة|السبت)(?:\s+القادم)?|نهاية\s+(?:الأسبوع|الشهر))"),
}

LEXICONS = {"en": EN, "de": DE, "fr": FR, "es": ES, "pt": PT, "it": IT, "ja": JA, "zh": ZH, "hi": HI, "ar": AR, "nl": NL, "pl": PL, "ru": RU,
            "sv": SV, "tr": TR, "ko": KO, "he": HE, "vi": VI, "id": ID, "uk": UK}
SUPPORTED = tuple(LEXICONS)
UNSPACED = frozenset({"ja", "zh", "ko"})  # no spaces between words, or a particle glued to the date ("금요일까지"): no word boundaries


@dataclass(frozen=True, eq=False)
class Cues:
    """Compiled patterns for one thread: its language's and English's, joined.

    Compared and hashed as the object itself (`eq=False`): `cues_for` makes one per language, and the detectors
    look up what they remember per language's cues (`lru_cache` keyed on a `Cues`) once per thread. The field-wise
    hash a frozen dataclass gets hashed some sixty fields and their tuples of patterns each time, 1–6 µs a look-up.
    """

    lang: str
    decided: re.Pattern
    settles: re.Pattern
    proposal: re.Pattern
    agree: re.Pattern
    endorse: re.Pattern
    disagree: re.Pattern
    defer: re.Pattern
    waiting: tuple[re.Pattern, ...]
    commit: tuple[re.Pattern, ...]
    accept: re.Pattern
    request: tuple[re.Pattern, ...]
    assign: tuple[re.Pattern, ...]
    unassigned: tuple[re.Pattern, ...]
    answer: re.Pattern
    not_known: re.Pattern
    revision: re.Pattern
    conclude: re.Pattern
    consent: re.Pattern
    course: re.Pattern
    interim: re.Pattern
    alternative: re.Pattern
    contrast: re.Pattern
    refusal: re.Pattern
    policy: re.Pattern
    verdict: re.Pattern
    factual: re.Pattern
    due: tuple[re.Pattern, re.Pattern]  # (with a lead word like "by", bare phrase); the phrase is the first group that took part
    announce: re.Pattern
    options: re.Pattern
    react_call: re.Pattern
    when: re.Pattern
    small_step: re.Pattern
    aside: re.Pattern
    # from every language's table, whatever the thread's: replies are short, often in another language than the
    # thread was detected in, and Hinglish ("pata nahi, main Vikram se puchta hoon") passes for English
    yes_no: re.Pattern
    second_person: re.Pattern
    taken_back: re.Pattern
    self_answered: re.Pattern
    finding_out: re.Pattern
    suggestion: re.Pattern
    who: re.Pattern
    follow_up: re.Pattern
    hedge: re.Pattern


_GROUP = re.compile(r"\(\?P<\w+>")  # a named group's opening: alternatives joined into one pattern cannot share names


def _either(sources: list[str]) -> re.Pattern:
    return screened(re.compile("|".join(f"(?:{s})" for s in sources if s), re.I))


@lru_cache(maxsize=None)
def cues_for(lang: str) -> Cues:
    """The thread language's cues plus English's (English alone for any language without a table)."""
    langs = ["en"] if lang not in LEXICONS or lang == "en" else [lang, "en"]
    tables = [LEXICONS[code] for code in langs]

    def joined(field: str) -> re.Pattern:
        return _either([getattr(t, field) for t in tables])

    def anywhere(field: str) -> re.Pattern:
        return _either([getattr(t, field) for t in LEXICONS.values()])

    def each(field: str) -> tuple[re.Pattern, ...]:  # patterns with named groups cannot share one alternation
        return tuple(screened(re.compile(getattr(t, field), re.I)) for t in tables)

    hand_off = [p for t in tables for p in t.hand_off]

    lead = "|".join(_DUE[code][0] for code in langs if _DUE[code][0])
    phrase = "|".join(_DUE[code][1] for code in langs if code not in UNSPACED)
    unspaced = "|".join(_DUE[code][1] for code in langs if code in UNSPACED)  # no word boundary around them
    bare = rf"(?<!\w)({phrase})(?!\w)" + (f"|({unspaced})" if unspaced else "")
    return Cues(
        lang=lang, decided=joined("decided"), settles=joined("settles"), proposal=joined("proposal"),
        agree=joined("agree"), endorse=joined("endorse"), disagree=joined("disagree"), defer=_either([t.defer for t in tables] + [_GROUP.sub("(?:", p) for p in hand_off]),
        waiting=each("waiting") + tuple(screened(re.compile(p, re.I)) for p in hand_off),
        commit=each("commit"), accept=joined("accept"), request=each("request"), assign=each("assign"),
        unassigned=each("unassigned"), answer=joined("answer"), not_known=joined("not_known"),
        revision=joined("revision"), conclude=joined("conclude"), consent=joined("consent"), course=joined("course"),
        interim=joined("interim"), alternative=joined("alternative"), contrast=joined("contrast"),
        refusal=joined("refusal"), policy=joined("policy"), verdict=joined("verdict"), factual=joined("factual"),
        announce=joined("announce"), options=joined("options"), react_call=joined("react_call"), when=joined("when"),
        small_step=joined("small_step"), aside=joined("aside"),
        yes_no=anywhere("yes_no"), second_person=anywhere("second_person"), taken_back=anywhere("taken_back"),
        self_answered=anywhere("self_answered"), finding_out=anywhere("finding_out"), suggestion=anywhere("suggestion"),
        who=anywhere("who"), follow_up=anywhere("follow_up"), hedge=anywhere("hedge"),
        due=(screened(re.compile(rf"(?<!\w)(?:{lead})\s+({phrase})(?!\w)", re.I)), screened(re.compile(bare, re.I))),
    )

"""Small closed word classes of English used by several checks (grammar, not cue lists)."""
from __future__ import annotations

FUNCTION_WORDS = frozenset("""
a an the and or but nor so yet for of in on at to from by with without about above below over under into onto
out up down off through between among across after before during since until than as like per via
i me my mine we us our ours you your yours he him his she her hers it its they them their theirs
this that these those who whom whose which what when where why how there here
is am are was were be been being do does did done have has had having will would shall should can could
may might must ought not no yes all any some each every both either neither more most less least much many
few other another such own same very just also too only even still then now again ever
if whether because while although though unless once so that's it's we're we've we'll i'm i've i'll you're
you've you'll they're they've it'll let's there's here's isn't aren't wasn't weren't don't doesn't didn't
won't can't couldn't shouldn't wouldn't
""".split())

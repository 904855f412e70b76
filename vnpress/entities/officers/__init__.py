"""Officers: a rank and a name (finder), the posts after it (posts, completion), and what the press
writes around them (asides, appointments, headings)."""

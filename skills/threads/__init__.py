"""Channel etiquette: which earlier message a channel message answers, and the nudges that follow."""

"""The reading pages: layer 1 (the compact list of recommendations) and the sections it unfolds into."""

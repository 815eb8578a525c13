"""Documents written for these tests (own words, invented details): a relations page in the
scraped-page form users paste, a news feed in JSON lines, and a short article to upload."""

from __future__ import annotations

import json

RELATIONS_PAGE = """Jump to content

Kenya–Norway relations

From Wikipedia, the free encyclopedia

Kenya–Norway relations are the bilateral relations between Kenya and Norway.

History

[edit]

Kenya and Norway established diplomatic relations on 12 December 1963.[1] Norway opened an embassy in Nairobi in 1966.[2]

In May 1989 the foreign minister of Norway visited Nairobi and signed an agreement on fisheries research with Kenya.[3] In 1990 Kenya accused Norway of interfering in its internal affairs, and Kenya severed diplomatic relations with Norway in October 1990.[4]

Recent relations

[edit]

Kenya and Norway restored diplomatic relations in 1994.[5] In March 2015 the President of Kenya met the Prime Minister of Norway in Oslo.[6] In 2019 Norway pledged $25 million in aid to Kenya for clean energy projects.[7]

References

[edit]

    1. ^ Odhiambo, Grace (2001). "Scandinavia and East Africa". Journal of Northern Studies. 4 (2): 33–51.
    2. ^ "Norwegian mission opens in Nairobi". East Africa Standard. 3 June 1966.
    3. ^ "Fisheries pact signed". Nordic Review. 20 May 1989. https://example.org/nordic/fisheries-pact
    4. ^ Larsen, Per (1991). A Quarrel on the Equator. Bergen: Fjord Press. ISBN 978-0-00-000000-2.
    5. ^ "Relations restored". Coastal Times. 1994.
    6. ^ Berg, Ingrid (16 March 2015). "Leaders meet in Oslo". Oslo Courier. Retrieved 1 April 2024.
    7. ^ "Clean energy aid". Development Weekly. 2019.
"""

NEWS = [
    {"id": "news-bol-per-1", "date": "2021-06-08", "title": "Bolivia and Peru sign water accord",
     "text": "Bolivia and Peru signed an agreement on Tuesday to share the waters of Lake "
             "Titicaca. The foreign minister of Peru said the accord ended years of dispute."},
    {"id": "news-bol-per-2", "date": "2022-02-14", "title": "Peru protests to Bolivia",
     "text": "Peru accused Bolivia on Monday of blocking trucks at the border crossing."},
]
NEWS_JSONL = "".join(json.dumps(item) + "\n" for item in NEWS)

UPLOAD_ARTICLE = ("Ghana and Japan signed a trade agreement in Accra on 3 April 2018. "
                  "Japan pledged $40 million in aid to Ghana for new roads.")

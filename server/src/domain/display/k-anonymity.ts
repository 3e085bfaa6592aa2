/**
 * The fewest premises any figure on the public screen may describe (DESIGN §6): below five, a
 * neighbour who knows the street can tell which shop a heat cell, a ticker line or a key area's
 * count is about. One rule for everything `/display` and `/api/display/*` show, on every day and
 * every replay frame:
 *
 * - Village totals (surveyed, unlicensed, progress, counts by status) are published whatever their
 *   size: the plan publishes progress by village (公示). So are the township's, which are their sum
 *   (the KPI board, the ranking, the village card and map colours, the progress line).
 * - Heat cells (unlicensed premises): a cell under K is pooled into the cell twice its size, again
 *   and again up to MAX_MERGE_LEVEL; what is still under K there is left out (display-heat-grid).
 * - Ticker lines: named with the village when the village has K premises of the trade that day,
 *   else with the township (「本镇 …」) when the township has, else left out (display-ticker).
 * - Key areas: on a day one holds fewer than K it is not shown at all, no shape, name or count
 *   (display-areas); `/api/display/areas` lists only areas shown on some day the screen plays.
 * - A trade's township figures (the trade bars): null under K, and the screen writes "<5".
 *
 * Nothing else breaks a village down (by trade, by status within a trade) or draws a smaller group.
 */
export const K_ANONYMITY = 5;

import { lazy, Suspense, useEffect, useState } from 'react';
import { AcceptanceSlot, useAcceptanceColors } from './acceptance/acceptance-slot';
import { useCampaignData } from './campaign-data';
import { AppHeader } from './components/app-header';
import { AreaList } from './components/area-list';
import { AreaPanelSlot } from './components/area-panel-slot';
import { CategoryBars } from './components/category-bars';
import { DataAdminSlot } from './components/data-admin-slot';
import { DrawToolbar } from './components/draw-toolbar';
import { FilterPanel } from './components/filter-panel';
import { KpiPanel } from './components/kpi-panel';
import { LayerPanel } from './components/layer-panel';
import { MapLegend } from './components/map-legend';
import { PremiseDrawer } from './components/premise-drawer';
import { Timeline } from './components/timeline';
import { VillageRanking } from './components/village-ranking';
import { DistrictPanel, TownshipFit, useTownshipFigures } from './district/district-panel';
import { PinPlacementSlot } from './office/pin-placement-slot';
import { WorkSheet } from './office/work-sheet';
import { useDay, useDayFigures, usePremiseFilter, useSelection } from './use-day-state';

// MapLibre and deck.gl load on demand, after the first numbers: they are most of the page's code.
const MapView = lazy(() => import('./map/map-view').then((m) => ({ default: m.MapView })));

/** The page: header, filters left, map centre, figures right, timeline along the bottom. */
export function Dashboard() {
  const data = useCampaignData();
  const { at, day } = useDay(data);
  const filter = usePremiseFilter();
  const { rows, points, modelPoints, daily, dailyAllVillages } = useSelection(data, filter);
  const { tally, villageTally, heatPositions, villageColors, breaks } = useDayFigures(
    data,
    day,
    filter,
    rows,
    daily,
    dailyAllVillages,
  );
  // While the acceptance panel is open, villages are coloured by their result for its year.
  const acceptanceColors = useAcceptanceColors(at);
  // Drilled into one township of the district (?township=): its figures, counted by the server.
  const township = useTownshipFigures(at);
  const shownTally = township ? township.tally : tally;
  const shownVillageTally = township ? township.villageTally : villageTally;
  // Numbers first, map after: the map starts once the first figures are on the page.
  const [mapShown, setMapShown] = useState(false);
  useEffect(() => {
    if (tally || data.premisesReady) setMapShown(true);
  }, [tally, data.premisesReady]);
  const waitingMap = <div className="map-frame" data-testid="map" data-ready="false" />;
  return (
    <div className="app">
      <AppHeader />
      <aside className="side-panel left-panel">
        <FilterPanel />
        <LayerPanel />
        <AreaList day={day} at={at} />
        <MapLegend breaks={breaks} />
      </aside>
      <main className="map-area">
        {mapShown ? (
          <Suspense fallback={waitingMap}>
            <MapView
              day={day}
              points={points}
              modelPoints={modelPoints}
              heatPositions={heatPositions}
              villageColors={acceptanceColors ?? villageColors}
            >
              <DrawToolbar />
              <AreaPanelSlot at={at} day={day} />
              <DataAdminSlot />
              <AcceptanceSlot at={at} />
              <WorkSheet at={at} />
              <PinPlacementSlot />
              <TownshipFit at={at} district={data.campaign.bbox} />
            </MapView>
          </Suspense>
        ) : (
          waitingMap
        )}
        <PremiseDrawer day={day} />
      </main>
      <aside className="side-panel right-panel">
        <DistrictPanel at={at} />
        <KpiPanel tally={shownTally} />
        {shownTally && <CategoryBars tally={shownTally} />}
        {shownVillageTally && <VillageRanking tally={shownVillageTally} />}
      </aside>
      <Timeline at={at} day={day} />
    </div>
  );
}

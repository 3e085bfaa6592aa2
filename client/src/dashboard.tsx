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
import { MapView } from './map/map-view';
import { PinPlacementSlot } from './office/pin-placement-slot';
import { WorkSheet } from './office/work-sheet';
import { useDay, useDayFigures, usePremiseFilter, useSelection } from './use-day-state';

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
        </MapView>
        <PremiseDrawer day={day} />
      </main>
      <aside className="side-panel right-panel">
        <KpiPanel tally={tally} />
        <CategoryBars tally={tally} />
        <VillageRanking tally={villageTally} />
      </aside>
      <Timeline at={at} day={day} />
    </div>
  );
}

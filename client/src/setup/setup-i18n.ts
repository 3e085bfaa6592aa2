import type { Lang } from '../lib/url-state';
import { useStore } from '../store';

/** Labels of the township set-up (loaded with the data workspace). */
const zh = {
  tab: '本镇设置',
  intro: '把本镇的数据带进来：先填写镇街和活动，再导入村界、门牌和摸底登记表。每一步都可以稍后在这里修改。',
  step_campaign: '镇街与活动',
  step_boundaries: '村界',
  step_gazetteer: '门牌地址库',
  step_premises: '摸底登记表',
  step_done: '完成',
  optional: '（可选）',
  stepDone: '已完成',
  stepTodo: '待完成',
  villagesOnRecord: '已有 {n} 个村（社区）',
  platesOnRecord: '已有 {n} 条门牌',
  premisesOnRecord: '已有 {n} 户经营户',
  next: '下一步',
  skip: '跳过此步',
  toMap: '查看地图',
  doneText: '本镇已设置好：地图上有村界和经营户，时间轴可以拖动。数据管理中可随时继续导入或修改设置。',
  boundariesHint:
    '上传国土或民政部门提供的村界（Shapefile .zip、GeoJSON、KML）。没有镇界时，以各村的并集作为镇界。',
  gazetteerHint: '门牌地址库让没有经纬度的经营户按地址准确定位。也可以先跳过。',
  premisesHint: '上传各村报来的摸底登记表（Excel 或 CSV），检查无误后导入。',

  sectionPlace: '所在地',
  province: '省',
  city: '市',
  district: '区（县、市）',
  districtCode: '区县代码',
  districtOtherNames: '区县的其他名称',
  otherNamesHint: '曾用名或新名，用逗号分隔，如：江干区',
  township: '镇（街道）',
  townshipCode: '镇街代码（12 位）',
  townshipEn: '英文名',
  townshipOtherNames: '镇街的其他名称',
  sectionCampaign: '整治活动',
  campaignName: '活动名称',
  start: '开始日期',
  end: '结束日期',
  endHint: '默认三年',
  sectionGoals: '年度目标（按方案预填，可修改）',
  goalYear: '年度',
  goalDue: '截止',
  goalTarget: '完成率目标 %',
  goalTitle: '标题',
  goalLines: '任务（每行一条）',
  save: '保存',
  saved: '已保存',
  saveFailed: '未保存',
  notAdmin: '本镇尚未设置。请由整治办的管理员登录后设置。',
};

export type SetupMessages = typeof zh;

const en: SetupMessages = {
  tab: 'Set-up',
  intro:
    'Bring your township in: name it and its campaign, then import the village boundaries, the door plates and the survey lists. Every step can be revised here later.',
  step_campaign: 'Township & campaign',
  step_boundaries: 'Village boundaries',
  step_gazetteer: 'Door plates',
  step_premises: 'Survey lists',
  step_done: 'Done',
  optional: ' (optional)',
  stepDone: 'done',
  stepTodo: 'to do',
  villagesOnRecord: '{n} villages on record',
  platesOnRecord: '{n} door plates on record',
  premisesOnRecord: '{n} premises on record',
  next: 'Next',
  skip: 'Skip this step',
  toMap: 'Show the map',
  doneText:
    'The township is set up: villages and premises are on the map and the timeline scrubs. Import more or revise the set-up from Data at any time.',
  boundariesHint:
    'Upload the village boundaries from the land or civil-affairs office (shapefile .zip, GeoJSON, KML). Without a township outline, the union of the villages is used.',
  gazetteerHint:
    'Door plates let premises without coordinates be placed by their address. You may skip this for now.',
  premisesHint: 'Upload the survey lists the villages sent (Excel or CSV), check them, then import.',

  sectionPlace: 'Where',
  province: 'Province',
  city: 'City',
  district: 'District (county)',
  districtCode: 'District code',
  districtOtherNames: 'Other names of the district',
  otherNamesHint: 'Former or newer names, comma-separated, e.g. 江干区',
  township: 'Township',
  townshipCode: 'Township code (12 digits)',
  townshipEn: 'English name',
  townshipOtherNames: 'Other names of the township',
  sectionCampaign: 'Campaign',
  campaignName: 'Name',
  start: 'Start',
  end: 'End',
  endHint: 'three years by default',
  sectionGoals: 'Annual goals (from the plan, editable)',
  goalYear: 'Year',
  goalDue: 'Due',
  goalTarget: 'Target %',
  goalTitle: 'Title',
  goalLines: 'Tasks (one per line)',
  save: 'Save',
  saved: 'Saved',
  saveFailed: 'Not saved',
  notAdmin:
    'This township is not set up yet. An administrator of the campaign office must sign in to set it up.',
};

const tables: Record<Lang, SetupMessages> = { zh, en };

export function useSetupMessages(): SetupMessages {
  return tables[useStore((s) => s.lang)];
}

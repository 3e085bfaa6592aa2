/** The campaign and the goals its plan sets for each year. */
export interface AnnualGoal {
  year: number;
  /** Last day of the plan year, YYYY-MM-DD. */
  due: string;
  /** Target progress (整治完成率) by `due`, 0–1. */
  targetProgress: number;
  title: string;
  titleEn: string;
  goals: string[];
  goalsEn: string[];
}

export interface Campaign {
  name: string;
  nameEn: string;
  township: string;
  townshipEn: string;
  start: string;
  end: string;
  goals: AnnualGoal[];
}

/** The goals a campaign runs by: its own when the office wrote them, else the plan's on its first three years. */
export function campaignGoals(campaign: { start: string; goals?: AnnualGoal[] | null }): AnnualGoal[] {
  return campaign.goals ?? planGoals(Number(campaign.start.slice(0, 4)));
}

/** The three-year plan's goals, placed on the campaign's own three years. */
export function planGoals(startYear: number): AnnualGoal[] {
  return [
    {
      year: startYear,
      due: `${startYear}-12-31`,
      targetProgress: 0.3,
      title: '摸底建档 试点示范',
      titleEn: 'Survey, files, pilots',
      goals: ['全面摸底，一户一档', '制定各行业整治标准', '重点村试点', '各行业树立示范点'],
      goalsEn: [
        'Survey every premise and build its file',
        'Standards per category',
        'Pilots in key villages',
        'Model sites in every category',
      ],
    },
    {
      year: startYear + 1,
      due: `${startYear + 1}-12-31`,
      targetProgress: 0.8,
      title: '全面整治 规范提升',
      titleEn: 'Rectify everywhere',
      goals: ['全面铺开整治', '规范提升一批、整改完善一批、关停转化一批'],
      goalsEn: ['Rectification everywhere', 'Upgrade, improve, close or convert'],
    },
    {
      year: startYear + 2,
      due: `${startYear + 2}-12-31`,
      targetProgress: 0.95,
      title: '巩固提高 长效管理',
      titleEn: 'Consolidate',
      goals: ['巩固整治成果', '打击假冒伪劣和欺诈', '建立监管网络和长效机制'],
      goalsEn: [
        'Consolidate the results',
        'Curb fakes and fraud',
        'A supervision network and lasting mechanism',
      ],
    },
  ];
}

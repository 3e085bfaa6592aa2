import { type CategoryCode, categoryByCode } from '../categories';
import { LICENCE_TYPES } from '../licences';
import type { StandardItem } from './standard';

type Item = StandardItem;

/** What every trade is checked for, after its licences: the plan's key problems. */
const COMMON: Item[] = [
  {
    code: 'hygiene.clean',
    text: '经营场所整洁卫生，无脏乱差',
    textEn: 'Premises clean and orderly',
    problem: 'unsanitary',
  },
  {
    code: 'hygiene.waste',
    text: '垃圾分类收集、及时清运，门前三包落实',
    textEn: 'Waste sorted and removed; frontage kept clean',
    problem: 'unsanitary',
  },
  {
    code: 'goods.genuine',
    text: '无假冒伪劣商品，进货查验和索证索票记录齐全',
    textEn: 'No fake or shoddy goods; purchase checks and invoices on file',
    problem: 'counterfeit',
  },
  {
    code: 'facilities.fire',
    text: '消防器材配备齐全有效，安全通道畅通',
    textEn: 'Fire equipment in place and in date; exits clear',
    problem: 'substandard_facilities',
  },
  {
    code: 'scope.licensed',
    text: '在核准的经营范围内经营',
    textEn: 'Trading within the licensed scope',
    problem: 'out_of_scope',
  },
];

const HEALTH_CERTIFICATES: Item = {
  code: 'staff.health_cert',
  text: '从业人员持有效健康证明',
  textEn: 'Staff hold valid health certificates',
  problem: 'unsanitary',
};

/** What the plan asks of each trade beyond the common items. */
const BY_CATEGORY: Record<CategoryCode, Item[]> = {
  food_workshop: [
    HEALTH_CERTIFICATES,
    {
      code: 'workshop.separation',
      text: '生产加工区与生活区分开，原料、成品分区存放',
      textEn: 'Production separate from living space; raw and finished goods stored apart',
      problem: 'substandard_facilities',
    },
    {
      code: 'workshop.additives',
      text: '食品添加剂按规定使用并有使用记录',
      textEn: 'Food additives used as permitted and logged',
      problem: 'counterfeit',
    },
  ],
  grocery: [
    {
      code: 'goods.in_date',
      text: '无过期、变质食品，散装食品标识齐全',
      textEn: 'No expired or spoiled food; loose food labelled',
      problem: 'counterfeit',
    },
  ],
  restaurant: [
    HEALTH_CERTIFICATES,
    {
      code: 'facilities.disinfection',
      text: '餐具消毒设施齐全并正常使用',
      textEn: 'Tableware disinfection equipment present and in use',
      problem: 'substandard_facilities',
    },
    {
      code: 'facilities.fume',
      text: '油烟净化设施正常运行',
      textEn: 'Cooking-fume extraction working',
      problem: 'substandard_facilities',
    },
  ],
  pharmacy: [
    {
      code: 'pharmacy.pharmacist',
      text: '执业药师（药学技术人员）在岗',
      textEn: 'A licensed pharmacist on duty',
      problem: 'out_of_scope',
    },
    {
      code: 'pharmacy.prescription',
      text: '处方药凭处方销售，销售记录完整',
      textEn: 'Prescription drugs sold only on prescription, with records',
      problem: 'out_of_scope',
    },
    {
      code: 'pharmacy.storage',
      text: '药品分类陈列，阴凉储存条件达标',
      textEn: 'Drugs displayed by class; cool storage up to standard',
      problem: 'substandard_facilities',
    },
  ],
  agri_supply: [
    {
      code: 'agri.banned_pesticides',
      text: '无国家禁用、限用农药违规销售',
      textEn: 'No banned or restricted pesticides on sale',
      problem: 'counterfeit',
    },
    {
      code: 'agri.separate_storage',
      text: '农药单独存放，与食品、饲料隔离',
      textEn: 'Pesticides stored apart from food and feed',
      problem: 'substandard_facilities',
    },
  ],
  market: [
    {
      code: 'market.zoning',
      text: '摊位划行归市，地面排水通畅',
      textEn: 'Stalls zoned by trade; floors drain',
      problem: 'unsanitary',
    },
    {
      code: 'market.testing',
      text: '农药残留快速检测室正常运行并公示结果',
      textEn: 'Pesticide-residue testing running, results posted',
      problem: 'substandard_facilities',
    },
  ],
  audio_video: [
    {
      code: 'av.no_pirated',
      text: '无盗版、非法音像制品和出版物',
      textEn: 'No pirated or illegal audio-video products or publications',
      problem: 'counterfeit',
    },
  ],
  beauty_salon: [
    HEALTH_CERTIFICATES,
    {
      code: 'salon.disinfection',
      text: '美容美发工具一客一用一消毒',
      textEn: 'Tools disinfected after every customer',
      problem: 'substandard_facilities',
    },
  ],
  passenger_transport: [
    {
      code: 'transport.driver_cert',
      text: '驾驶员持有从业资格证',
      textEn: 'Drivers hold the operator qualification certificate',
      problem: 'unlicensed',
    },
    {
      code: 'transport.vehicle_inspection',
      text: '车辆年检合格，安全设施完好',
      textEn: 'Vehicles pass their annual inspection; safety equipment intact',
      problem: 'substandard_facilities',
    },
    {
      code: 'transport.insurance',
      text: '投保承运人责任险',
      textEn: 'Carrier liability insurance in force',
      problem: 'substandard_facilities',
    },
  ],
  lpg_point: [
    {
      code: 'lpg.cylinder_inspection',
      text: '钢瓶定期检验，无过期、报废钢瓶',
      textEn: 'Cylinders inspected on schedule; none overdue or scrapped',
      problem: 'substandard_facilities',
    },
    {
      code: 'lpg.fire_equipment',
      text: '储存场所配备灭火器等消防器材，通风良好',
      textEn: 'Store has extinguishers and ventilation',
      problem: 'substandard_facilities',
    },
    {
      code: 'lpg.no_refilling',
      text: '气源合法，无非法倒灌、充装',
      textEn: 'Gas from a lawful source; no illegal decanting or refilling',
      problem: 'counterfeit',
    },
  ],
};

/** The first version of a trade's checklist: its licences (无证照), the common items, its own. */
export function defaultStandardItems(category: CategoryCode): StandardItem[] {
  const licences = categoryByCode(category)?.licences ?? [];
  const licenceItems = licences.map((code): Item => {
    const type = LICENCE_TYPES.find((l) => l.code === code);
    return {
      code: `licence.${code}`,
      text: `持有有效的${type?.name ?? code}`,
      textEn: `Holds a valid ${(type?.nameEn ?? code).toLowerCase()}`,
      problem: 'unlicensed',
    };
  });
  const own = BY_CATEGORY[category];
  const common = COMMON.filter((c) => !own.some((o) => o.code === c.code));
  return [...licenceItems, ...common, ...own];
}

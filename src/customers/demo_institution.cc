#include "customers/demo_institution.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <numbers>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "common/id.h"
#include "common/money.h"
#include "common/random.h"
#include "customers/customer.h"
#include "customers/resident_id.h"

namespace finguard::customers {
namespace {

using storage::Executor;
using storage::Params;
using storage::Value;

// ---------------------------------------------------------------------------------------------
// Random numbers.

// xoshiro256** seeded through splitmix64 (https://prng.di.unimi.it/). Preferred to std::mt19937_64
// with std:: distributions because each standard library implements those distributions its own
// way, and a seed must mean the same institution wherever FinGuard is built.
class Rng {
 public:
  explicit Rng(uint64_t seed) : gen_(seed) {}
  // An independent stream per customer (or per table), so that a change in how many numbers one
  // part draws does not reshuffle all the others.
  static Rng Derived(uint64_t seed, uint64_t stream) {
    uint64_t x = seed ^ (0xD1B54A32D192ED03ULL * (stream + 1));
    return Rng(SplitMix64Next(x));
  }

  uint64_t Next() { return gen_.Next(); }
  // Uniform in [0, n), n > 0 (multiply-shift; its bias below n / 2^64 does not matter here).
  uint64_t Below(uint64_t n) {
    return static_cast<uint64_t>((static_cast<unsigned __int128>(Next()) * n) >> 64);
  }
  // Uniform in [lo, hi], lo <= hi.
  int Between(int lo, int hi) {
    return lo + static_cast<int>(Below(static_cast<uint64_t>(hi - lo) + 1));
  }
  double Unit() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }
  bool Chance(double p) { return Unit() < p; }
  double Normal() {
    // Box-Muller, one value per call.
    const double u1 = std::max(Unit(), 1e-300);
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * Unit());
  }
  double LogNormal(double median, double sigma) { return median * std::exp(sigma * Normal()); }
  template <typename T, size_t N>
  const T& Pick(const T (&items)[N]) {
    return items[Below(N)];
  }
  template <typename T>
  const T& Pick(const std::vector<T>& items) {
    return items[Below(items.size())];
  }

 private:
  Xoshiro256 gen_;
};

// A discrete distribution over indices 0..n-1 given relative weights.
class Weighted {
 public:
  template <typename Range>
  explicit Weighted(const Range& weights) {
    double total = 0;
    for (double w : weights) cumulative_.push_back(total += w);
  }
  Weighted(std::initializer_list<double> weights) : Weighted(std::vector<double>(weights)) {}
  size_t Pick(Rng& rng) const {
    const double x = rng.Unit() * cumulative_.back();
    const size_t i =
        std::upper_bound(cumulative_.begin(), cumulative_.end(), x) - cumulative_.begin();
    return std::min(i, cumulative_.size() - 1);
  }

 private:
  std::vector<double> cumulative_;
};

void AppendDigits(std::string& out, uint64_t value, int width) {
  char buf[20];
  for (int i = width - 1; i >= 0; --i) {
    buf[i] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
  out.append(buf, width);
}

std::string RandomDigits(Rng& rng, int n) {
  std::string s;
  for (int i = 0; i < n; ++i) s += static_cast<char>('0' + rng.Below(10));
  return s;
}

// Luhn (ISO/IEC 7812) check digit for a string of digits.
char LuhnCheckDigit(std::string_view digits) {
  int sum = 0;
  bool twice = true;  // the digit left of the check digit is doubled
  for (size_t i = digits.size(); i-- > 0;) {
    int d = digits[i] - '0';
    if (twice) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
    twice = !twice;
  }
  return static_cast<char>('0' + (10 - sum % 10) % 10);
}

// ---------------------------------------------------------------------------------------------
// Reference tables. Region codes are real GB/T 2260 county-level codes; the resident ID of a
// customer born there starts with it.

struct Region {
  const char* code;
  const char* province;
  const char* city;  // "" for the four municipalities
  const char* district;
  const char* short_city;
  double weight;
};

constexpr Region kRegions[] = {
    {"110101", "北京市", "", "东城区", "北京", 2},
    {"110102", "北京市", "", "西城区", "北京", 2},
    {"110105", "北京市", "", "朝阳区", "北京", 3},
    {"110106", "北京市", "", "丰台区", "北京", 2},
    {"110108", "北京市", "", "海淀区", "北京", 3},
    {"120101", "天津市", "", "和平区", "天津", 1},
    {"120103", "天津市", "", "河西区", "天津", 1},
    {"120104", "天津市", "", "南开区", "天津", 1},
    {"130102", "河北省", "石家庄市", "长安区", "石家庄", 2},
    {"130104", "河北省", "石家庄市", "桥西区", "石家庄", 1},
    {"130202", "河北省", "唐山市", "路南区", "唐山", 1},
    {"130602", "河北省", "保定市", "竞秀区", "保定", 1},
    {"140105", "山西省", "太原市", "小店区", "太原", 2},
    {"140106", "山西省", "太原市", "迎泽区", "太原", 1},
    {"150102", "内蒙古自治区", "呼和浩特市", "新城区", "呼和浩特", 1},
    {"150203", "内蒙古自治区", "包头市", "昆都仑区", "包头", 1},
    {"210102", "辽宁省", "沈阳市", "和平区", "沈阳", 1},
    {"210103", "辽宁省", "沈阳市", "沈河区", "沈阳", 1},
    {"210202", "辽宁省", "大连市", "中山区", "大连", 1},
    {"210204", "辽宁省", "大连市", "沙河口区", "大连", 1},
    {"220102", "吉林省", "长春市", "南关区", "长春", 1},
    {"220104", "吉林省", "长春市", "朝阳区", "长春", 1},
    {"230102", "黑龙江省", "哈尔滨市", "道里区", "哈尔滨", 1},
    {"230103", "黑龙江省", "哈尔滨市", "南岗区", "哈尔滨", 2},
    {"310101", "上海市", "", "黄浦区", "上海", 2},
    {"310104", "上海市", "", "徐汇区", "上海", 2},
    {"310105", "上海市", "", "长宁区", "上海", 1},
    {"310106", "上海市", "", "静安区", "上海", 2},
    {"310110", "上海市", "", "杨浦区", "上海", 1},
    {"310115", "上海市", "", "浦东新区", "上海", 4},
    {"320102", "江苏省", "南京市", "玄武区", "南京", 2},
    {"320106", "江苏省", "南京市", "鼓楼区", "南京", 2},
    {"320211", "江苏省", "无锡市", "滨湖区", "无锡", 1},
    {"320402", "江苏省", "常州市", "天宁区", "常州", 1},
    {"320505", "江苏省", "苏州市", "虎丘区", "苏州", 2},
    {"320506", "江苏省", "苏州市", "吴中区", "苏州", 2},
    {"330102", "浙江省", "杭州市", "上城区", "杭州", 2},
    {"330106", "浙江省", "杭州市", "西湖区", "杭州", 2},
    {"330108", "浙江省", "杭州市", "滨江区", "杭州", 1},
    {"330203", "浙江省", "宁波市", "海曙区", "宁波", 2},
    {"330302", "浙江省", "温州市", "鹿城区", "温州", 2},
    {"340102", "安徽省", "合肥市", "瑶海区", "合肥", 2},
    {"340104", "安徽省", "合肥市", "蜀山区", "合肥", 2},
    {"350102", "福建省", "福州市", "鼓楼区", "福州", 1},
    {"350203", "福建省", "厦门市", "思明区", "厦门", 1},
    {"350206", "福建省", "厦门市", "湖里区", "厦门", 1},
    {"350502", "福建省", "泉州市", "鲤城区", "泉州", 1},
    {"360102", "江西省", "南昌市", "东湖区", "南昌", 2},
    {"360103", "江西省", "南昌市", "西湖区", "南昌", 1},
    {"370102", "山东省", "济南市", "历下区", "济南", 2},
    {"370202", "山东省", "青岛市", "市南区", "青岛", 2},
    {"370203", "山东省", "青岛市", "市北区", "青岛", 2},
    {"370602", "山东省", "烟台市", "芝罘区", "烟台", 2},
    {"410102", "河南省", "郑州市", "中原区", "郑州", 2},
    {"410105", "河南省", "郑州市", "金水区", "郑州", 3},
    {"410302", "河南省", "洛阳市", "老城区", "洛阳", 2},
    {"420102", "湖北省", "武汉市", "江岸区", "武汉", 2},
    {"420106", "湖北省", "武汉市", "武昌区", "武汉", 2},
    {"420111", "湖北省", "武汉市", "洪山区", "武汉", 1},
    {"430102", "湖南省", "长沙市", "芙蓉区", "长沙", 2},
    {"430104", "湖南省", "长沙市", "岳麓区", "长沙", 3},
    {"440103", "广东省", "广州市", "荔湾区", "广州", 1},
    {"440104", "广东省", "广州市", "越秀区", "广州", 2},
    {"440106", "广东省", "广州市", "天河区", "广州", 3},
    {"440303", "广东省", "深圳市", "罗湖区", "深圳", 2},
    {"440304", "广东省", "深圳市", "福田区", "深圳", 2},
    {"440305", "广东省", "深圳市", "南山区", "深圳", 3},
    {"440604", "广东省", "佛山市", "禅城区", "佛山", 2},
    {"450102", "广西壮族自治区", "南宁市", "兴宁区", "南宁", 1},
    {"450103", "广西壮族自治区", "南宁市", "青秀区", "南宁", 2},
    {"460105", "海南省", "海口市", "秀英区", "海口", 1},
    {"460106", "海南省", "海口市", "龙华区", "海口", 1},
    {"500103", "重庆市", "", "渝中区", "重庆", 1},
    {"500105", "重庆市", "", "江北区", "重庆", 1},
    {"500106", "重庆市", "", "沙坪坝区", "重庆", 1},
    {"510104", "四川省", "成都市", "锦江区", "成都", 2},
    {"510105", "四川省", "成都市", "青羊区", "成都", 2},
    {"510107", "四川省", "成都市", "武侯区", "成都", 2},
    {"520102", "贵州省", "贵阳市", "南明区", "贵阳", 1},
    {"520103", "贵州省", "贵阳市", "云岩区", "贵阳", 1},
    {"530102", "云南省", "昆明市", "五华区", "昆明", 1},
    {"530103", "云南省", "昆明市", "盘龙区", "昆明", 1},
    {"540102", "西藏自治区", "拉萨市", "城关区", "拉萨", 0.5},
    {"610102", "陕西省", "西安市", "新城区", "西安", 1},
    {"610103", "陕西省", "西安市", "碑林区", "西安", 1},
    {"610113", "陕西省", "西安市", "雁塔区", "西安", 2},
    {"620102", "甘肃省", "兰州市", "城关区", "兰州", 1},
    {"630102", "青海省", "西宁市", "城东区", "西宁", 0.5},
    {"640104", "宁夏回族自治区", "银川市", "兴庆区", "银川", 0.5},
    {"650102", "新疆维吾尔自治区", "乌鲁木齐市", "天山区", "乌鲁木齐", 1},
    {"650103", "新疆维吾尔自治区", "乌鲁木齐市", "沙依巴克区", "乌鲁木齐", 0.5},
};
constexpr int kRegionCount = static_cast<int>(std::size(kRegions));

struct Syllable {
  const char* hanzi;
  const char* pinyin;
};

struct Surname {
  const char* hanzi;
  const char* pinyin;
  double weight;  // roughly per mille of the population
};

constexpr Surname kSurnames[] = {
    {"王", "wang", 72},    {"李", "li", 71},       {"张", "zhang", 68},
    {"刘", "liu", 54},     {"陈", "chen", 46},     {"杨", "yang", 33},
    {"黄", "huang", 25},   {"赵", "zhao", 22},     {"吴", "wu", 21},
    {"周", "zhou", 20},    {"徐", "xu", 17},       {"孙", "sun", 15},
    {"马", "ma", 15},      {"朱", "zhu", 14},      {"胡", "hu", 13},
    {"郭", "guo", 12},     {"何", "he", 12},       {"高", "gao", 11},
    {"林", "lin", 11},     {"罗", "luo", 10},      {"郑", "zheng", 10},
    {"梁", "liang", 9},    {"谢", "xie", 8},       {"宋", "song", 7},
    {"唐", "tang", 7},     {"许", "xu", 7},        {"韩", "han", 7},
    {"冯", "feng", 7},     {"邓", "deng", 7},      {"曹", "cao", 6},
    {"彭", "peng", 6},     {"曾", "zeng", 6},      {"肖", "xiao", 6},
    {"田", "tian", 5},     {"董", "dong", 5},      {"袁", "yuan", 5},
    {"潘", "pan", 5},      {"于", "yu", 5},        {"蒋", "jiang", 5},
    {"蔡", "cai", 5},      {"余", "yu", 5},        {"杜", "du", 5},
    {"叶", "ye", 5},       {"程", "cheng", 5},     {"苏", "su", 4},
    {"魏", "wei", 4},      {"吕", "lv", 4},        {"丁", "ding", 4},
    {"任", "ren", 4},      {"沈", "shen", 4},      {"姚", "yao", 3},
    {"卢", "lu", 3},       {"姜", "jiang", 3},     {"崔", "cui", 3},
    {"钟", "zhong", 3},    {"谭", "tan", 3},       {"陆", "lu", 3},
    {"汪", "wang", 3},     {"范", "fan", 3},       {"金", "jin", 3},
    {"石", "shi", 3},      {"廖", "liao", 3},      {"贾", "jia", 3},
    {"夏", "xia", 3},      {"韦", "wei", 3},       {"付", "fu", 3},
    {"方", "fang", 3},     {"白", "bai", 3},       {"邹", "zou", 3},
    {"孟", "meng", 3},     {"熊", "xiong", 3},     {"秦", "qin", 3},
    {"邱", "qiu", 3},      {"江", "jiang", 3},     {"尹", "yin", 2},
    {"薛", "xue", 2},      {"闫", "yan", 2},       {"段", "duan", 2},
    {"雷", "lei", 2},      {"侯", "hou", 2},       {"龙", "long", 2},
    {"史", "shi", 2},      {"陶", "tao", 2},       {"黎", "li", 2},
    {"贺", "he", 2},       {"顾", "gu", 2},        {"毛", "mao", 2},
    {"郝", "hao", 2},      {"龚", "gong", 2},      {"邵", "shao", 2},
    {"万", "wan", 2},      {"钱", "qian", 2},      {"严", "yan", 2},
    {"武", "wu", 2},       {"戴", "dai", 2},       {"莫", "mo", 2},
    {"孔", "kong", 2},     {"汤", "tang", 2},      {"欧阳", "ouyang", 0.6},
    {"司马", "sima", 0.2}, {"诸葛", "zhuge", 0.1}, {"上官", "shangguan", 0.1},
};

constexpr Syllable kMaleGiven[] = {
    {"伟", "wei"},   {"强", "qiang"}, {"磊", "lei"},  {"军", "jun"},  {"洋", "yang"},
    {"勇", "yong"},  {"杰", "jie"},   {"涛", "tao"},  {"明", "ming"}, {"超", "chao"},
    {"辉", "hui"},   {"刚", "gang"},  {"平", "ping"}, {"鹏", "peng"}, {"华", "hua"},
    {"飞", "fei"},   {"斌", "bin"},   {"宇", "yu"},   {"浩", "hao"},  {"凯", "kai"},
    {"健", "jian"},  {"俊", "jun"},   {"帆", "fan"},  {"旭", "xu"},   {"宁", "ning"},
    {"龙", "long"},  {"林", "lin"},   {"波", "bo"},   {"鑫", "xin"},  {"晨", "chen"},
    {"昊", "hao"},   {"博", "bo"},    {"文", "wen"},  {"志", "zhi"},  {"建", "jian"},
    {"国", "guo"},   {"峰", "feng"},  {"海", "hai"},  {"东", "dong"}, {"亮", "liang"},
    {"成", "cheng"}, {"毅", "yi"},    {"嘉", "jia"},  {"子", "zi"},   {"轩", "xuan"},
    {"泽", "ze"},    {"睿", "rui"},   {"天", "tian"}, {"振", "zhen"}, {"家", "jia"},
};

constexpr Syllable kFemaleGiven[] = {
    {"芳", "fang"}, {"娜", "na"},   {"敏", "min"},  {"静", "jing"}, {"丽", "li"},   {"艳", "yan"},
    {"娟", "juan"}, {"霞", "xia"},  {"秀", "xiu"},  {"英", "ying"}, {"玲", "ling"}, {"燕", "yan"},
    {"萍", "ping"}, {"红", "hong"}, {"梅", "mei"},  {"琳", "lin"},  {"婷", "ting"}, {"雪", "xue"},
    {"慧", "hui"},  {"颖", "ying"}, {"洁", "jie"},  {"倩", "qian"}, {"欣", "xin"},  {"怡", "yi"},
    {"佳", "jia"},  {"琪", "qi"},   {"璐", "lu"},   {"晶", "jing"}, {"丹", "dan"},  {"月", "yue"},
    {"莹", "ying"}, {"蕾", "lei"},  {"薇", "wei"},  {"瑶", "yao"},  {"欢", "huan"}, {"露", "lu"},
    {"雨", "yu"},   {"涵", "han"},  {"诗", "shi"},  {"梦", "meng"}, {"思", "si"},   {"晓", "xiao"},
    {"春", "chun"}, {"兰", "lan"},  {"凤", "feng"},
};

// Foreign customers: nationality, its share, how its names are written and its passport format.
struct ForeignCountry {
  const char* code;
  double weight;
  int name_style;           // 0 Western, 1 Hong Kong, 2 Singapore, 3 Japan, 4 Korea
  int passport_style;       // see PassportNumber
  const char* intl_prefix;  // "" when the country's numbers would total 11 digits (see below)
  int intl_digits;
  const char* currency;  // of a second, foreign-currency account
};

// International numbers of exactly 11 digits (+1 NANP, +852, +61, +33) are read by
// ApplyCustomerInput's NormalisePhone as mainland numbers and rejected, so those nationals get a
// mainland mobile number instead.
constexpr ForeignCountry kForeignCountries[] = {
    {"US", 20, 0, 0, "", 0, "USD"},     {"GB", 10, 0, 0, "+447", 9, "USD"},
    {"SG", 12, 2, 1, "+659", 7, "USD"}, {"HK", 18, 1, 2, "", 0, "HKD"},
    {"AU", 6, 0, 3, "", 0, "USD"},      {"CA", 6, 0, 4, "", 0, "USD"},
    {"DE", 8, 0, 5, "+4915", 9, "EUR"}, {"FR", 5, 0, 6, "", 0, "EUR"},
    {"JP", 8, 3, 3, "+8190", 8, "USD"}, {"KR", 7, 4, 7, "+8210", 8, "USD"},
};

constexpr const char* kWesternMale[] = {"James",  "John",    "Robert", "Michael", "William",
                                        "David",  "Richard", "Thomas", "Daniel",  "Matthew",
                                        "Andrew", "Mark",    "Paul",   "Steven",  "Kevin",
                                        "Brian",  "George",  "Edward", "Peter",   "Oliver"};
constexpr const char* kWesternFemale[] = {"Mary",      "Jennifer", "Linda", "Elizabeth", "Sarah",
                                          "Emily",     "Jessica",  "Emma",  "Olivia",    "Sophie",
                                          "Charlotte", "Hannah",   "Grace", "Rachel",    "Laura",
                                          "Anna",      "Lucy",     "Amy",   "Kate",      "Claire"};
constexpr const char* kWesternSurnames[] = {
    "Smith",   "Johnson",  "Williams", "Brown",  "Jones",  "Miller",  "Davis",  "Wilson",
    "Taylor",  "Anderson", "Thomas",   "Moore",  "Martin", "Jackson", "White",  "Harris",
    "Clark",   "Lewis",    "Walker",   "Hall",   "Evans",  "Roberts", "Wright", "Mitchell",
    "Schmidt", "Fischer",  "Weber",    "Wagner", "Becker", "Bernard", "Dubois", "Laurent"};
constexpr const char* kHongKongSurnames[] = {"Chan", "Wong", "Leung", "Cheung", "Lau",
                                             "Lee",  "Ho",   "Yeung", "Tsang",  "Chow"};
constexpr const char* kSingaporeSurnames[] = {"Tan",  "Lim", "Lee",  "Ng",  "Ong",
                                              "Wong", "Goh", "Chua", "Koh", "Teo"};
constexpr const char* kJapaneseSurnames[] = {"Sato",     "Suzuki", "Takahashi", "Tanaka",
                                             "Watanabe", "Ito",    "Yamamoto",  "Nakamura"};
constexpr const char* kJapaneseGiven[] = {"Haruto", "Yuki",  "Sota", "Yui",    "Ren",
                                          "Hina",   "Kenji", "Aoi",  "Takumi", "Sakura"};
constexpr const char* kKoreanSurnames[] = {"Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Yoon"};
constexpr const char* kKoreanGiven[] = {"Min-jun", "Seo-yeon", "Ji-ho",   "Ha-eun",   "Do-yun",
                                        "Ji-woo",  "Joon-ho",  "Soo-min", "Hyun-woo", "Yu-na"};

constexpr const char* kMobilePrefixes[] = {
    "130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "150", "151", "152",
    "153", "155", "156", "157", "158", "159", "166", "173", "176", "177", "178", "180", "181",
    "182", "183", "184", "185", "186", "187", "188", "189", "191", "198", "199"};

constexpr const char* kRoads[] = {"人民路", "解放路",   "中山路",   "建设路", "和平路", "新华路",
                                  "胜利路", "文化路",   "长江路",   "黄河路", "青年路", "光明路",
                                  "朝阳路", "学府路",   "滨江路",   "东风路", "五一路", "幸福路",
                                  "友谊路", "迎宾大道", "世纪大道", "科技路", "花园路", "湖滨路",
                                  "延安路", "复兴路",   "民主路",   "振兴街", "工农路", "金桥路"};
constexpr const char* kEstates[] = {"阳光", "锦绣", "翠湖", "金色", "碧水", "紫荆",
                                    "御景", "东方", "海棠", "桂园", "怡景", "丽都"};
constexpr const char* kEstateKinds[] = {"花园", "小区", "家园", "公寓", "苑", "新村", "华庭"};

struct Word {
  const char* hanzi;
  const char* pinyin;
};
constexpr Word kBrands[] = {
    {"华信", "huaxin"},    {"恒达", "hengda"},   {"宏图", "hongtu"},     {"鑫源", "xinyuan"},
    {"金泰", "jintai"},    {"瑞丰", "ruifeng"},  {"博远", "boyuan"},     {"中诚", "zhongcheng"},
    {"天润", "tianrun"},   {"汇通", "huitong"},  {"新锐", "xinrui"},     {"嘉禾", "jiahe"},
    {"永盛", "yongsheng"}, {"海纳", "haina"},    {"创联", "chuanglian"}, {"万通", "wantong"},
    {"正泰", "zhengtai"},  {"盛世", "shengshi"}, {"远航", "yuanhang"},   {"信达", "xinda"},
    {"安泰", "antai"},     {"振华", "zhenhua"},  {"明德", "mingde"},     {"华瑞", "huarui"},
    {"鼎盛", "dingsheng"}, {"凯越", "kaiyue"},   {"卓越", "zhuoyue"},    {"宏远", "hongyuan"},
    {"泰和", "taihe"},     {"恒信", "hengxin"},  {"富源", "fuyuan"},     {"九州", "jiuzhou"},
    {"星辰", "xingchen"},  {"蓝海", "lanhai"},   {"启明", "qiming"},     {"德润", "derun"},
};
constexpr const char* kIndustries[] = {
    "科技",     "贸易",       "实业", "投资管理", "建设工程",   "电子",
    "物流",     "餐饮管理",   "医药", "纺织",     "食品",       "机械设备",
    "信息技术", "商贸",       "建材", "文化传媒", "进出口",     "汽车销售",
    "环保科技", "供应链管理", "服装", "农业发展", "房地产开发", "精密制造"};

// Counterparties on the other side of card and online payments.
struct MerchantBrand {
  const char* name;
  const char* mcc;
  bool online;  // no branch suffix
};
constexpr MerchantBrand kChains[] = {
    {"美团", "5814", true},
    {"饿了么", "5814", true},
    {"京东商城", "5399", true},
    {"天猫超市", "5411", true},
    {"拼多多", "5399", true},
    {"滴滴出行", "4121", true},
    {"携程旅行网", "4722", true},
    {"中国铁路12306", "4112", true},
    {"中国国际航空", "4511", true},
    {"中国东方航空", "4511", true},
    {"中国南方航空", "4511", true},
    {"星巴克咖啡", "5814", false},
    {"麦当劳", "5814", false},
    {"肯德基", "5814", false},
    {"沃尔玛", "5411", false},
    {"家乐福", "5411", false},
    {"永辉超市", "5411", false},
    {"盒马鲜生", "5411", false},
    {"中国石化加油站", "5541", false},
    {"中国石油加油站", "5541", false},
    {"瑞幸咖啡", "5814", false},
    {"海底捞火锅", "5812", false},
    {"优衣库", "5651", false},
    {"华为终端", "5732", false},
    {"小米之家", "5732", false},
    {"大润发", "5411", false},
    {"屈臣氏", "5912", false},
    {"万达影城", "7832", false},
    {"苏宁易购", "5722", false},
    {"迪卡侬", "5941", false},
    {"宜家家居", "5712", false},
    {"名创优品", "5331", false},
    {"老百姓大药房", "5912", false},
    {"全家便利店", "5499", false},
    {"罗森便利店", "5499", false},
};
struct ShopKind {
  const char* name;
  const char* mcc;
};
constexpr const char* kShopOwners[] = {"老王", "福满楼", "鸿运", "好又多", "佳佳", "百味",
                                       "金牌", "小李",   "阿强", "同仁",   "味道", "家园"};
constexpr ShopKind kShopKinds[] = {{"面馆", "5812"},   {"餐厅", "5812"},   {"水果店", "5499"},
                                   {"便利店", "5499"}, {"药房", "5912"},   {"理发店", "7230"},
                                   {"超市", "5411"},   {"烧烤", "5812"},   {"茶餐厅", "5812"},
                                   {"五金店", "5251"}, {"服装店", "5651"}, {"眼镜店", "8043"},
                                   {"花店", "5992"},   {"烘焙坊", "5462"}, {"干洗店", "7216"}};

// Other banks' BINs for counterparties' card accounts, and the institution's own BINs.
constexpr const char* kOtherBankBins[] = {"621483", "622588", "621226", "622848", "621700",
                                          "621661", "622262", "622609", "623058", "621799"};
constexpr const char* kDebitBins[] = {"622202", "621700", "622848", "621226"};
constexpr const char* kCreditBins[] = {"622588", "625809"};
constexpr const char* kLoanInvestBins[] = {"621799", "622280"};

struct ForeignBank {
  const char* country;
  const char* bic;
};
constexpr ForeignBank kForeignBanks[] = {
    {"US", "CHASUS33"}, {"US", "BOFAUS3N"}, {"GB", "BARCGB22"}, {"GB", "HBUKGB4B"},
    {"SG", "DBSSSGSG"}, {"SG", "OCBCSGSG"}, {"HK", "HSBCHKHH"}, {"HK", "BKCHHKHH"},
    {"JP", "MHCBJPJT"}, {"JP", "SMBCJPJT"}, {"DE", "DEUTDEFF"}, {"DE", "COBADEFF"},
    {"AU", "ANZBAU3M"}, {"CA", "ROYCCAT2"}, {"KR", "KOEXKRSE"}, {"FR", "BNPAFRPP"},
};
constexpr const char* kForeignCompanyWords[] = {"Pacific",   "Global",    "Summit",  "Harbor",
                                                "Atlas",     "Evergreen", "Pioneer", "Crown",
                                                "Northstar", "Sterling",  "Orient",  "Meridian"};
constexpr const char* kForeignCompanyKinds[] = {"Trading",    "Logistics", "Electronics",
                                                "Industries", "Holdings",  "Imports"};

// FATF "high-risk jurisdictions subject to a call for action": DPRK, Iran, Myanmar. Names are
// invented.
struct HighRiskName {
  const char* country;
  const char* bank;
  const char* city;
};
constexpr HighRiskName kHighRisk[] = {
    {"KP", "KPTBKPPY", "Pyongyang"}, {"KP", "KPTBKPPY", "Nampo"},
    {"KP", "KPTBKPPY", "Chongjin"},  {"IR", "IRTBIRTH", "Tehran"},
    {"IR", "IRTBIRTH", "Kish"},      {"IR", "IRTBIRTH", "Bandar Abbas"},
    {"MM", "MMTBMMMY", "Yangon"},    {"MM", "MMTBMMMY", "Mandalay"},
    {"MM", "MMTBMMMY", "Muse"},
};
constexpr const char* kHighRiskWords[] = {"Golden Star", "Rising Sun", "Ocean Pearl",
                                          "Jade Road",   "Silk Gate",  "Lotus"};

// ---------------------------------------------------------------------------------------------
// Products, currencies, channels.

struct ProductSpec {
  const char* code;
  const char* name;
  const char* name_en;
  const char* type;
  const char* risk_level;
  const char* currency;
};
enum ProductIndex {
  kSavingsCny,
  kSavingsUsd,
  kSavingsHkd,
  kSavingsEur,
  kSettlementCny,
  kSettlementUsd,
  kTimeDeposit,
  kLargeCd,
  kWealth30d,
  kWealthFixedIncome,
  kStructuredDeposit,
  kMoneyMarket,
  kCsi300,
  kTechGrowth,
  kQdii,
  kTreasury,
  kCreditBonds,
  kWholeLife,
  kUnitLinked,
  kMortgage,
  kConsumerLoan,
  kWorkingCapital,
  kClassicCard,
  kPlatinumCard,
};
constexpr ProductSpec kProducts[] = {
    {"DEP-SAV-CNY", "个人人民币活期储蓄", "Personal CNY Demand Savings", "deposit", "R1", "CNY"},
    {"DEP-SAV-USD", "个人外币活期储蓄（美元）", "Personal USD Demand Savings", "deposit", "R1",
     "USD"},
    {"DEP-SAV-HKD", "个人外币活期储蓄（港币）", "Personal HKD Demand Savings", "deposit", "R1",
     "HKD"},
    {"DEP-SAV-EUR", "个人外币活期储蓄（欧元）", "Personal EUR Demand Savings", "deposit", "R1",
     "EUR"},
    {"DEP-CUR-CNY", "单位人民币基本存款账户", "Corporate CNY Basic Settlement Account", "deposit",
     "R1", "CNY"},
    {"DEP-CUR-USD", "单位经常项目外汇账户（美元）", "Corporate USD Current Account", "deposit",
     "R1", "USD"},
    {"DEP-TD-CNY", "整存整取定期存款", "Lump-sum Time Deposit", "deposit", "R1", "CNY"},
    {"DEP-LCD-CNY", "个人大额存单", "Large-denomination Certificate of Deposit", "deposit", "R1",
     "CNY"},
    {"WM-30D", "稳健理财30天持有期", "Steady 30-day Holding Wealth Management", "wealth", "R2",
     "CNY"},
    {"WM-FIP", "安盈固收增强理财", "Fixed Income Plus Wealth Management", "wealth", "R3", "CNY"},
    {"WM-SD", "挂钩黄金结构性存款", "Gold-linked Structured Deposit", "wealth", "R2", "CNY"},
    {"FD-MMF", "现金宝货币市场基金", "Cash Treasure Money Market Fund", "fund", "R1", "CNY"},
    {"FD-CSI300", "沪深300指数基金", "CSI 300 Index Fund", "fund", "R4", "CNY"},
    {"FD-TECH", "科技成长混合型基金", "Technology Growth Hybrid Fund", "fund", "R4", "CNY"},
    {"FD-QDII", "QDII全球股票基金", "QDII Global Equity Fund", "fund", "R5", "CNY"},
    {"BD-TREAS", "储蓄国债（电子式）", "Savings Treasury Bond (Electronic)", "bond", "R1", "CNY"},
    {"BD-CREDIT", "优选信用债组合", "Select Credit Bond Portfolio", "bond", "R3", "CNY"},
    {"INS-WL", "增额终身寿险", "Increasing Whole Life Insurance", "insurance", "R2", "CNY"},
    {"INS-UL", "投资连结保险", "Unit-linked Insurance", "insurance", "R4", "CNY"},
    {"LN-MORT", "个人住房贷款", "Residential Mortgage Loan", "loan", "R1", "CNY"},
    {"LN-CONS", "个人消费贷款", "Personal Consumer Loan", "loan", "R2", "CNY"},
    {"LN-WC", "流动资金贷款", "Working Capital Loan", "loan", "R2", "CNY"},
    {"CC-STD", "标准信用卡", "Classic Credit Card", "card", "R1", "CNY"},
    {"CC-PLAT", "白金信用卡", "Platinum Credit Card", "card", "R1", "CNY"},
};
constexpr int kInvestmentProducts[] = {
    kTimeDeposit, kLargeCd,    kWealth30d, kWealthFixedIncome, kStructuredDeposit, kMoneyMarket,
    kCsi300,      kTechGrowth, kQdii,      kTreasury,          kCreditBonds,       kWholeLife,
    kUnitLinked};

enum Currency : uint8_t { kCny, kUsd, kEur, kHkd, kGbp, kJpy, kCurrencyCount };
constexpr const char* kCurrencyCodes[] = {"CNY", "USD", "EUR", "HKD", "GBP", "JPY"};

Currency CurrencyOf(std::string_view code) {
  for (int i = 0; i < kCurrencyCount; ++i) {
    if (code == kCurrencyCodes[i]) return static_cast<Currency>(i);
  }
  return kCny;
}

// Published-style levels: CNY per unit, daily log volatility, decimals shown.
struct FxSpec {
  Currency currency;
  double level;
  double daily_sigma;
  int decimals;
};
constexpr FxSpec kFx[] = {{kUsd, 7.12, 0.0018, 4},
                          {kEur, 7.80, 0.0040, 4},
                          {kHkd, 0.0, 0.0004, 4},  // pegged: follows USD / 7.80
                          {kGbp, 9.25, 0.0042, 4},
                          {kJpy, 0.0478, 0.0055, 6}};

enum Channel : uint8_t { kCash, kTransfer, kCard, kOnline, kAtm, kCheque };
constexpr const char* kChannelNames[] = {"cash", "transfer", "card", "online", "atm", "cheque"};
enum Direction : uint8_t { kIn, kOut };

// Relative frequency by hour of day (Asia/Shanghai).
using HourWeights = std::array<double, 24>;
constexpr HourWeights kRetailHours = {1,  0.6, 0.4, 0.3, 0.3, 0.6, 1.5, 4,  7,  9, 10, 10,
                                      10, 9,   9,   9,   9,   9,   10,  11, 11, 9, 6,  3};
constexpr HourWeights kBranchHours = {0, 0, 0,  0,  0, 0, 0, 0, 0, 8, 12, 11,
                                      5, 7, 11, 11, 7, 0, 0, 0, 0, 0, 0,  0};
constexpr HourWeights kBusinessHours = {0, 0, 0,  0,  0,  0, 0.2, 0.5, 4,   12,  13,  12,
                                        6, 9, 12, 12, 10, 6, 2,   1,   0.5, 0.3, 0.2, 0.1};
constexpr HourWeights kAtmHours = {1, 0.5, 0.3, 0.3, 0.3, 0.5, 1,  3,  6, 7, 7, 8,
                                   9, 7,   6,   6,   7,   8,   10, 10, 9, 7, 4, 2};

// Amounts in CNY yuan, drawn log-normally and clamped; `round_to` in the account's currency.
struct AmountModel {
  double median;
  double sigma;
  double min;
  double max;
  double round_to;
};
// Ordinary cash deposits stay far below the CNY 50,000 large-cash reporting threshold, so only
// planted structuring comes near it.
constexpr AmountModel kCashDeposit{1500, 0.9, 100, 20000, 100};
constexpr AmountModel kCashWithdrawal{2000, 0.8, 100, 30000, 100};
constexpr AmountModel kAtmWithdrawal{800, 0.7, 100, 5000, 100};
constexpr AmountModel kAtmDeposit{1000, 0.7, 100, 10000, 100};
constexpr AmountModel kCardPurchase{120, 1.1, 1, 30000, 0.01};
constexpr AmountModel kOnlinePayment{60, 1.2, 0.5, 20000, 0.01};
constexpr AmountModel kRefund{80, 1.0, 1, 5000, 0.01};
constexpr AmountModel kBillPayment{200, 0.7, 10, 5000, 0.01};
constexpr AmountModel kPersonalTransfer{1500, 1.2, 10, 200000, 1};
constexpr AmountModel kInvestment{20000, 1.0, 1000, 2000000, 1000};
constexpr AmountModel kBusinessTransfer{40000, 1.3, 100, 5000000, 0.01};
constexpr AmountModel kChequeAmount{30000, 1.0, 1000, 2000000, 0.01};
constexpr AmountModel kCrossBorder{20000, 1.0, 500, 1000000, 0.01};
constexpr AmountModel kCardRepayment{3000, 0.9, 50, 100000, 0.01};
constexpr AmountModel kTaxPayment{15000, 1.0, 100, 2000000, 0.01};

// One transaction before it is expanded into a Transaction row: indices instead of strings, so
// a million of them cost ~32 MB and no allocations.
struct TxnRecord {
  int64_t time_us;
  int64_t amount_minor;
  int32_t account;
  int32_t counterparty;  // -1: none
  int32_t device;        // -1: none
  uint8_t channel;
  uint8_t direction;
};

// Someone on the other side of a transaction.
struct Party {
  std::string id;
  std::string name;
  std::string country;
};

enum class Kind { kDomestic, kForeign, kCorporate };

struct Profile {
  Kind kind = Kind::kDomestic;
  int region = 0;
  int created_day = 0;  // relative to the first day of the year; negative = before
  int age = 40;
  CivilDate birth;  // individuals from the mainland only
  bool male = true;
  int country = -1;  // index into kForeignCountries
};

enum class Pattern { kNone, kStructuring, kFanIn, kFanOut, kDormant, kHighRisk };
constexpr const char* PatternName(Pattern p) {
  switch (p) {
    case Pattern::kStructuring:
      return "structuring";
    case Pattern::kFanIn:
      return "fan_in";
    case Pattern::kFanOut:
      return "fan_out";
    case Pattern::kDormant:
      return "dormant_reactivation";
    case Pattern::kHighRisk:
      return "high_risk_country";
    case Pattern::kNone:
      break;
  }
  return "";
}

// Inclusive range of days (relative to the year's first day) on which an account transacts.
struct Window {
  int from;
  int to;
  bool empty() const { return to < from; }
  int days() const { return empty() ? 0 : to - from + 1; }
  bool contains(int d) const { return d >= from && d <= to; }
};
Window Intersect(Window a, Window b) { return {std::max(a.from, b.from), std::min(a.to, b.to)}; }

enum class DayRule { kAny, kBranch, kBusiness };

enum class Cp {
  kNone,
  kContact,
  kEmployer,
  kMerchant,
  kPlatformOrMerchant,
  kPlatform,
  kUtility,
  kForeign,
  kTax,
  kSocial,
  kInternalLoan,
  kInternalCard,
  kInternalInvest,
  kInternalInterest,
};
enum class Device { kNone, kOwn, kAtm, kTeller, kPos, kOwnOrTeller };

constexpr int kYearDays = 365;

// ---------------------------------------------------------------------------------------------

class DemoBuilder {
 public:
  explicit DemoBuilder(const DemoOptions& options)
      : options_(options),
        first_day_(options.last_day.AddDays(-(kYearDays - 1))),
        first_midnight_us_(ShanghaiMidnight(first_day_).micros),
        first_weekday_(first_day_.Weekday()) {
    for (int d = 0; d < kYearDays; ++d) {
      const CivilDate date = first_day_.AddDays(d);
      day_of_month_[d] = static_cast<uint8_t>(date.day);
      month_[d] = static_cast<uint8_t>(date.month);
    }
  }

  Status Build();
  StatusOr<DemoSummary> Write(storage::Database& db, const CustomerStore& store);

 private:
  struct CustomerCtx {
    int ci;
    Rng rng;
    const Profile* profile;
    double activity;  // multiplies how often
    double wealth;    // multiplies how much
    std::vector<int32_t> contacts;
    std::vector<int32_t> foreign_contacts;
    int32_t employer = -1;
    int32_t device = -1;
  };

  // Reference data.
  void BuildFx();
  void BuildCounterparties();
  void BuildProducts();
  Status BuildCustomers();
  void ChoosePlanted();
  void GenerateActivity(int ci);

  // Customers.
  std::string UniqueResidentId(Rng& rng, const Region& region, CivilDate birth, bool male);
  std::string UniqueMobile(Rng& rng);
  std::string UniqueNumber(Rng& rng, const char* prefix, int digits, bool luhn);
  std::string Address(Rng& rng, const Region& r, bool office);
  std::string ChineseName(Rng& rng, bool male, std::string* pinyin);
  CivilDate BirthDate(Rng& rng, int age);
  Customer MakeDomestic(Rng& rng, Profile& p);
  Customer MakeForeign(Rng& rng, Profile& p);
  Customer MakeCorporate(Rng& rng, Profile& p);

  // Accounts and transactions.
  int32_t AddAccount(CustomerCtx& c, const char* type, int product, int opened_day, Window* window);
  int64_t DayStartUs(int day) const { return first_midnight_us_ + day * kMicrosPerDay; }
  int Weekday(int day) const { return ((first_weekday_ - 1 + day) % 7 + 7) % 7 + 1; }
  int PickDay(Rng& rng, Window w, DayRule rule) const;
  int64_t TimeOn(Rng& rng, int day, const Weighted& hours) const;
  int64_t ToMinor(double yuan, Currency ccy, int day, double round_to) const;
  double DrawYuan(Rng& rng, const AmountModel& m, double scale) const;
  int32_t PickParty(CustomerCtx& c, Cp kind);
  int32_t DeviceFor(CustomerCtx& c, Device kind, int32_t counterparty);
  void Add(int32_t account, int64_t time_us, int64_t amount_minor, Channel ch, Direction dir,
           int32_t counterparty, int32_t device);
  void Emit(CustomerCtx& c, int32_t account, Window w, double per_year, Channel ch, Direction dir,
            const AmountModel& m, double scale, Cp cp, Device dev, DayRule rule,
            const Weighted& hours);
  // Pairs of entries between two accounts of one customer (repayments, subscriptions).
  void EmitInternal(CustomerCtx& c, int32_t from, int32_t to, Window w, double per_year,
                    const AmountModel& m, double scale, Cp cp, bool monthly);
  void EmitMonthly(CustomerCtx& c, int32_t account, Window w, int day_of_month, double amount_yuan,
                   Channel ch, Direction dir, int32_t counterparty, Device dev);
  void EmitInterest(CustomerCtx& c, int32_t account, Window w);
  int32_t FreshCounterparty(CustomerCtx& c, size_t begin, size_t end,
                            std::unordered_set<int32_t>& used);

  void PlantStructuring(CustomerCtx& c, int32_t account);
  void PlantFanIn(CustomerCtx& c, int32_t account);
  void PlantFanOut(CustomerCtx& c, int32_t account);
  void PlantDormant(CustomerCtx& c, int32_t account, int quiet_from);
  void PlantHighRisk(CustomerCtx& c, int32_t account);
  void RecordPlanted(int ci, Pattern p, nlohmann::json detail);
  std::string Iso(int64_t time_us) const { return FormatIso8601(Instant{time_us}); }
  std::string Decimal(int64_t minor, Currency ccy) const;

  void FillTransaction(const TxnRecord& r, Rng& ids, Transaction& t) const;

  const DemoOptions& options_;
  const CivilDate first_day_;
  const int64_t first_midnight_us_;
  const int first_weekday_;

  const Weighted retail_hours_ = Weighted(kRetailHours);
  const Weighted branch_hours_ = Weighted(kBranchHours);
  const Weighted business_hours_ = Weighted(kBusinessHours);
  const Weighted atm_hours_ = Weighted(kAtmHours);
  std::array<uint8_t, kYearDays> day_of_month_{};  // by day of the year
  std::array<uint8_t, kYearDays> month_{};

  std::array<std::vector<double>, kCurrencyCount> fx_;  // CNY per unit, by day
  std::vector<std::array<std::string, 3>> fx_rows_;     // currency, date, rate

  std::vector<Product> products_;

  std::vector<Party> counterparties_;
  size_t persons_begin_ = 0, persons_end_ = 0;
  size_t companies_begin_ = 0, companies_end_ = 0;
  std::vector<int32_t> platforms_, utilities_, online_merchants_, internal_;
  std::vector<std::vector<int32_t>> region_merchants_;
  std::vector<int32_t> region_tax_, region_social_;
  std::vector<std::vector<int32_t>> foreign_by_country_;  // by kForeignCountries index
  std::vector<int32_t> foreign_all_, high_risk_;

  std::vector<std::string> devices_;
  std::vector<int32_t> merchant_pos_;  // by counterparty index; -1 for non-merchants
  std::vector<std::vector<int32_t>> region_atms_, region_tellers_;

  std::vector<Customer> customers_;
  std::vector<Profile> profiles_;
  std::vector<Pattern> planted_of_;
  struct Planted {
    int customer;
    Pattern pattern;
    std::string detail;
  };
  std::vector<Planted> planted_;

  std::vector<Account> accounts_;
  std::vector<int32_t> account_owner_;
  std::vector<Currency> account_currency_;
  std::vector<int64_t> account_last_us_;
  std::vector<TxnRecord> records_;

  std::unordered_set<std::string> used_numbers_;  // ID numbers, phones, account numbers
  std::unordered_set<std::string> used_names_;    // corporate names
};

// ---------------------------------------------------------------------------------------------
// Reference data.

void DemoBuilder::BuildFx() {
  Rng rng = Rng::Derived(options_.seed, 1);
  for (auto& v : fx_) v.assign(kYearDays, 1.0);
  for (const FxSpec& spec : kFx) {
    if (spec.currency == kHkd) continue;
    // Mean-reverting walk in log space, so a year stays within a realistic band.
    const double mu = std::log(spec.level);
    double x = mu + 0.01 * rng.Normal();
    for (int d = 0; d < kYearDays; ++d) {
      x += 0.03 * (mu - x) + spec.daily_sigma * rng.Normal();
      fx_[spec.currency][d] = std::exp(x);
    }
  }
  for (int d = 0; d < kYearDays; ++d) {
    fx_[kHkd][d] = fx_[kUsd][d] / 7.80 * std::exp(0.0004 * rng.Normal());
  }
  for (int d = 0; d < kYearDays; ++d) {
    const std::string date = first_day_.AddDays(d).ToString();
    for (const FxSpec& spec : kFx) {
      // The stored rate is the rounded published figure; amounts use the same rounded rate.
      const double scale = std::pow(10.0, spec.decimals);
      const int64_t scaled = std::llround(fx_[spec.currency][d] * scale);
      fx_[spec.currency][d] = static_cast<double>(scaled) / scale;
      std::string text = std::to_string(scaled / static_cast<int64_t>(scale)) + ".";
      AppendDigits(text, static_cast<uint64_t>(scaled % static_cast<int64_t>(scale)),
                   spec.decimals);
      fx_rows_.push_back({kCurrencyCodes[spec.currency], date, std::move(text)});
    }
  }
}

void DemoBuilder::BuildProducts() {
  Rng rng = Rng::Derived(options_.seed, 2);
  const int64_t launched_ms = ShanghaiMidnight(first_day_.AddDays(-3650)).micros / 1000;
  for (size_t i = 0; i < std::size(kProducts); ++i) {
    const ProductSpec& s = kProducts[i];
    const int64_t ms = launched_ms + static_cast<int64_t>(i) * 86'400'000 * 37;
    const auto id_hi = static_cast<uint16_t>(rng.Next());
    products_.push_back({UlidFromParts(ms, id_hi, rng.Next()), s.code, s.name, s.name_en, s.type,
                         s.risk_level, s.currency});
  }
}

std::string DemoBuilder::UniqueNumber(Rng& rng, const char* prefix, int digits, bool luhn) {
  for (;;) {
    std::string n = prefix;
    n += RandomDigits(rng, digits - static_cast<int>(n.size()) - (luhn ? 1 : 0));
    if (luhn) n += LuhnCheckDigit(n);
    if (used_numbers_.insert(n).second) return n;
  }
}

void DemoBuilder::BuildCounterparties() {
  Rng rng = Rng::Derived(options_.seed, 3);
  auto add = [&](std::string id, std::string name, std::string country) {
    counterparties_.push_back({std::move(id), std::move(name), std::move(country)});
    merchant_pos_.push_back(-1);
    return static_cast<int32_t>(counterparties_.size() - 1);
  };
  auto add_device = [&](std::string id) {
    devices_.push_back(std::move(id));
    return static_cast<int32_t>(devices_.size() - 1);
  };

  // People at other banks: friends, family, landlords, buyers.
  const int persons = std::clamp(options_.customers * 2, 3000, 60000);
  persons_begin_ = counterparties_.size();
  for (int i = 0; i < persons; ++i) {
    std::string id = UniqueNumber(rng, rng.Pick(kOtherBankBins), 19, true);
    const bool male = rng.Chance(0.5);
    add(std::move(id), ChineseName(rng, male, nullptr), "CN");
  }
  persons_end_ = counterparties_.size();

  // Companies at other banks: employers, suppliers, customers.
  const int companies = std::clamp(options_.customers / 2, 800, 15000);
  companies_begin_ = counterparties_.size();
  for (int i = 0; i < companies; ++i) {
    const Region& r = kRegions[rng.Below(kRegionCount)];
    std::string name = std::string(r.short_city) + rng.Pick(kBrands).hanzi;
    name += rng.Pick(kIndustries);
    name += rng.Chance(0.85) ? "有限公司" : "股份有限公司";
    add(UniqueNumber(rng, "", 19, false), std::move(name), "CN");
  }
  companies_end_ = counterparties_.size();

  platforms_ = {add("2088" + RandomDigits(rng, 12), "支付宝（中国）网络技术有限公司", "CN"),
                add("1" + RandomDigits(rng, 9), "财付通支付科技有限公司", "CN"),
                add("898" + RandomDigits(rng, 12), "网银在线（北京）科技有限公司", "CN"),
                add("898" + RandomDigits(rng, 12), "银联商务股份有限公司", "CN")};
  utilities_ = {add(UniqueNumber(rng, "", 19, false), "国家电网有限公司", "CN"),
                add(UniqueNumber(rng, "", 19, false), "中国移动通信集团有限公司", "CN"),
                add(UniqueNumber(rng, "", 19, false), "中国联合网络通信集团有限公司", "CN"),
                add(UniqueNumber(rng, "", 19, false), "中国电信集团有限公司", "CN")};
  internal_ = {add("9558" + RandomDigits(rng, 15), "本行贷款还款专户", "CN"),
               add("9558" + RandomDigits(rng, 15), "本行信用卡还款专户", "CN"),
               add("9558" + RandomDigits(rng, 15), "本行理财资金清算专户", "CN"),
               add("9558" + RandomDigits(rng, 15), "本行应付利息专户", "CN")};

  // Merchants: online platforms nationwide, chain outlets and local shops by region.
  region_merchants_.resize(kRegionCount);
  region_tax_.resize(kRegionCount);
  region_social_.resize(kRegionCount);
  region_atms_.resize(kRegionCount);
  region_tellers_.resize(kRegionCount);
  auto merchant_id = [&](const Region& r, const char* mcc) {
    return std::string("898") + std::string(r.code).substr(0, 4) + mcc + RandomDigits(rng, 4);
  };
  for (const MerchantBrand& b : kChains) {
    if (!b.online) continue;
    const int32_t m = add(merchant_id(kRegions[0], b.mcc), b.name, "CN");
    merchant_pos_[m] = add_device("POS" + RandomDigits(rng, 8));
    online_merchants_.push_back(m);
  }
  for (int r = 0; r < kRegionCount; ++r) {
    const Region& region = kRegions[r];
    const std::string district(region.district);
    const std::string district_short = district.substr(0, district.size() - 3);  // drop 区
    for (int i = 0; i < 10; ++i) {
      const MerchantBrand& b = rng.Pick(kChains);
      if (b.online) continue;
      const int32_t m =
          add(merchant_id(region, b.mcc),
              std::string(b.name) + "（" + region.short_city + district_short + "店）", "CN");
      merchant_pos_[m] = add_device("POS" + RandomDigits(rng, 8));
      region_merchants_[r].push_back(m);
    }
    for (int i = 0; i < 12; ++i) {
      const ShopKind& k = rng.Pick(kShopKinds);
      std::string name = std::string(region.short_city) + rng.Pick(kShopOwners) + k.name;
      const int32_t m = add(merchant_id(region, k.mcc), std::move(name), "CN");
      merchant_pos_[m] = add_device("POS" + RandomDigits(rng, 8));
      region_merchants_[r].push_back(m);
    }
    const bool municipality = region.city[0] == '\0';
    const std::string city = municipality ? region.province : region.city;
    region_tax_[r] = add("TAX" + std::string(region.code) + RandomDigits(rng, 4),
                         std::string("国家税务总局") + city + "税务局", "CN");
    region_social_[r] = add("SSF" + std::string(region.code) + RandomDigits(rng, 4),
                            city + "社会保险基金管理中心", "CN");
    for (int i = 0; i < 12; ++i) {
      region_atms_[r].push_back(
          add_device("ATM-" + std::string(region.code) + "-" + RandomDigits(rng, 3)));
    }
    for (int i = 0; i < 6; ++i) {
      region_tellers_[r].push_back(
          add_device("BR-" + std::string(region.code) + "-T" + RandomDigits(rng, 2)));
    }
  }

  // Counterparties abroad: people and companies in the customers' home and trading countries.
  foreign_by_country_.resize(std::size(kForeignCountries));
  for (size_t ci = 0; ci < std::size(kForeignCountries); ++ci) {
    const char* code = kForeignCountries[ci].code;
    std::vector<const char*> bics;
    for (const ForeignBank& b : kForeignBanks) {
      if (std::string_view(b.country) == code) bics.push_back(b.bic);
    }
    for (int i = 0; i < 40; ++i) {
      std::string name;
      if (i % 2 == 0) {
        static constexpr const char* kSuffix[] = {"Ltd.",    "Co., Ltd.", "Inc.", "Pte. Ltd.",
                                                  "Limited", "GmbH",      "LLC"};
        name = std::string(rng.Pick(kForeignCompanyWords)) + " ";
        name += std::string(rng.Pick(kForeignCompanyKinds)) + " ";
        name += rng.Pick(kSuffix);
      } else {
        name = std::string(rng.Pick(kWesternMale)) + " ";
        name += rng.Pick(kWesternSurnames);
      }
      std::string account = std::string(bics[rng.Below(bics.size())]) + "/";
      account += RandomDigits(rng, 12);
      const int32_t id = add(std::move(account), std::move(name), code);
      foreign_by_country_[ci].push_back(id);
      foreign_all_.push_back(id);
    }
  }
  for (const HighRiskName& h : kHighRisk) {
    for (int i = 0; i < 4; ++i) {
      std::string account = std::string(h.bank) + "/" + RandomDigits(rng, 10);
      std::string name = std::string(h.city) + " " + rng.Pick(kHighRiskWords) +
                         (i % 2 ? " Trading Co., Ltd." : " General Trading Corp.");
      high_risk_.push_back(add(std::move(account), std::move(name), h.country));
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Customers.

std::string DemoBuilder::ChineseName(Rng& rng, bool male, std::string* pinyin) {
  static const Weighted surnames = [] {
    std::vector<double> w;
    for (const Surname& s : kSurnames) w.push_back(s.weight);
    return Weighted(w);
  }();
  const Surname& s = kSurnames[surnames.Pick(rng)];
  std::string name = s.hanzi;
  if (pinyin) *pinyin = s.pinyin;
  const int given = rng.Chance(0.72) ? 2 : 1;
  for (int i = 0; i < given; ++i) {
    const Syllable& g = male ? rng.Pick(kMaleGiven) : rng.Pick(kFemaleGiven);
    name += g.hanzi;
    if (pinyin) *pinyin += g.pinyin;
  }
  return name;
}

CivilDate DemoBuilder::BirthDate(Rng& rng, int age) {
  // Born between `age` and `age + 1` years before the last day, so the age on it is `age`.
  const CivilDate& last = options_.last_day;
  auto years_before = [&](int years) {
    StatusOr<CivilDate> d = CivilDate::Make(last.year - years, last.month, last.day);
    return d.ok() ? *d : CivilDate{last.year - years, last.month, 28};  // 29 February
  };
  const int64_t latest = years_before(age).DaysSinceEpoch();
  const int64_t earliest = years_before(age + 1).DaysSinceEpoch() + 1;
  return CivilDate::FromDaysSinceEpoch(earliest +
                                       static_cast<int64_t>(rng.Below(latest - earliest + 1)));
}

std::string DemoBuilder::UniqueResidentId(Rng& rng, const Region& region, CivilDate birth,
                                          bool male) {
  for (;;) {
    std::string stem = region.code;
    AppendDigits(stem, birth.year, 4);
    AppendDigits(stem, birth.month, 2);
    AppendDigits(stem, birth.day, 2);
    // Sequence: two digits of the police station's order, then odd for men, even for women.
    AppendDigits(stem, rng.Below(100), 2);
    stem += static_cast<char>('0' + 2 * rng.Below(5) + (male ? 1 : 0));
    std::string id = WithCheckCharacter(stem);
    if (used_numbers_.insert(id).second) return id;
  }
}

std::string DemoBuilder::UniqueMobile(Rng& rng) {
  for (;;) {
    std::string phone = rng.Pick(kMobilePrefixes);
    phone += RandomDigits(rng, 8);
    if (used_numbers_.insert(phone).second) return phone;
  }
}

std::string DemoBuilder::Address(Rng& rng, const Region& r, bool office) {
  // One random draw per statement: the order of draws must not depend on the compiler.
  std::string a = std::string(r.province) + r.city + r.district;
  a += rng.Pick(kRoads);
  a += std::to_string(rng.Between(1, 999)) + "号";
  if (office) {
    a += rng.Pick(kBrands).hanzi;
    a += "大厦" + std::to_string(rng.Between(2, 38)) + "层";
  } else {
    a += rng.Pick(kEstates);
    a += rng.Pick(kEstateKinds);
    a += std::to_string(rng.Between(1, 30)) + "栋";
    a += std::to_string(rng.Between(1, 4)) + "单元";
    const int floor = rng.Between(1, 32);
    a += std::to_string(floor * 100 + rng.Between(1, 6)) + "室";
  }
  return a;
}

const char* InvestorClass(Rng& rng, const std::string& segment) {
  static constexpr const char* kClasses[] = {"C1", "C2", "C3", "C4", "C5", "professional", ""};
  static const Weighted mass{10, 26, 34, 16, 4, 0.2, 9.8};
  static const Weighted affluent{3, 12, 33, 30, 16, 3, 3};
  static const Weighted wealthy{1, 5, 20, 34, 28, 11, 1};
  static const Weighted business{0, 4, 30, 32, 20, 12, 2};
  const Weighted& w = segment == "mass"       ? mass
                      : segment == "affluent" ? affluent
                      : segment == "private"  ? wealthy
                                              : business;
  return kClasses[w.Pick(rng)];
}

const char* AmlRisk(Rng& rng, double medium, double high) {
  const double u = rng.Unit();
  return u < high ? "high" : u < high + medium ? "medium" : "low";
}

Customer DemoBuilder::MakeDomestic(Rng& rng, Profile& p) {
  Customer c;
  c.type = "individual";
  c.id_type = "resident_id";
  p.male = rng.Chance(0.5);
  static const Weighted age_groups{10, 22, 22, 20, 15, 8, 3};
  static constexpr int kAgeFrom[] = {18, 25, 35, 45, 55, 65, 75};
  static constexpr int kAgeTo[] = {24, 34, 44, 54, 64, 74, 85};
  const size_t g = age_groups.Pick(rng);
  p.age = rng.Between(kAgeFrom[g], kAgeTo[g]);
  const Region& r = kRegions[p.region];
  std::string pinyin;
  c.name = ChineseName(rng, p.male, &pinyin);
  p.birth = BirthDate(rng, p.age);
  c.id_number = UniqueResidentId(rng, r, p.birth, p.male);
  c.phone = rng.Chance(0.97) ? UniqueMobile(rng) : "";
  if (rng.Chance(0.45)) {
    static constexpr const char* kDomains[] = {"163.com",     "126.com",     "sina.com",
                                               "foxmail.com", "outlook.com", "139.com"};
    if (rng.Chance(0.35)) {
      c.email = std::to_string(rng.Between(1, 9));  // QQ numbers do not start with 0
      c.email += RandomDigits(rng, rng.Between(5, 9)) + "@qq.com";
    } else {
      c.email = pinyin + std::to_string(rng.Between(1, 9999)) + "@";
      c.email += rng.Pick(kDomains);
    }
  }
  c.address = Address(rng, r, false);
  c.province = r.province;
  const double u = rng.Unit();
  c.segment = u < 0.72 ? "mass" : u < 0.94 ? "affluent" : "private";
  c.investor_class = InvestorClass(rng, c.segment);
  c.aml_risk = AmlRisk(rng, 0.10, 0.025);
  return c;
}

std::string PassportNumber(Rng& rng, int style) {
  auto letters = [&](int n) {
    static constexpr char kLetters[] = "ABCDEFGHJKLMNPRSTUVWXYZ";
    std::string s;
    for (int i = 0; i < n; ++i) s += kLetters[rng.Below(sizeof kLetters - 1)];
    return s;
  };
  // Appended part by part: the order of random draws must not depend on the compiler.
  std::string s;
  switch (style) {
    case 1:
      s = letters(1), s += RandomDigits(rng, 7), s += letters(1);
      break;  // SG
    case 2:
      s = "K" + RandomDigits(rng, 8);
      break;  // HK
    case 3:
      s = letters(2), s += RandomDigits(rng, 7);
      break;  // AU, JP
    case 4:
      s = letters(2), s += RandomDigits(rng, 6);
      break;  // CA
    case 5:
      s = "C" + letters(2), s += RandomDigits(rng, 6);
      break;  // DE
    case 6:
      s = RandomDigits(rng, 2), s += letters(2), s += RandomDigits(rng, 5);
      break;  // FR
    case 7:
      s = "M" + RandomDigits(rng, 8);
      break;  // KR
    default:
      s = std::to_string(rng.Between(1, 9)), s += RandomDigits(rng, 8);
      break;  // US, GB
  }
  return s;
}

Customer DemoBuilder::MakeForeign(Rng& rng, Profile& p) {
  static const Weighted countries = [] {
    std::vector<double> w;
    for (const ForeignCountry& f : kForeignCountries) w.push_back(f.weight);
    return Weighted(w);
  }();
  p.country = static_cast<int>(countries.Pick(rng));
  const ForeignCountry& fc = kForeignCountries[p.country];
  p.male = rng.Chance(0.55);
  p.age = rng.Between(22, 70);
  Customer c;
  c.type = "individual";
  c.id_type = "passport";
  c.nationality = fc.code;
  std::string first, last;
  switch (fc.name_style) {
    case 1:
      last = rng.Pick(kHongKongSurnames);
      break;
    case 2:
      last = rng.Pick(kSingaporeSurnames);
      break;
    case 3:
      last = rng.Pick(kJapaneseSurnames);
      first = rng.Pick(kJapaneseGiven);
      break;
    case 4:
      last = rng.Pick(kKoreanSurnames);
      first = rng.Pick(kKoreanGiven);
      break;
    default:
      last = rng.Pick(kWesternSurnames);
      break;
  }
  if (first.empty()) first = p.male ? rng.Pick(kWesternMale) : rng.Pick(kWesternFemale);
  c.name = fc.name_style == 4 ? last + " " + first : first + " " + last;
  for (;;) {
    c.id_number = PassportNumber(rng, fc.passport_style);
    if (used_numbers_.insert(std::string(fc.code) + c.id_number).second) break;
  }
  if (fc.intl_prefix[0] != '\0' && rng.Chance(0.5)) {
    for (;;) {
      c.phone = fc.intl_prefix + RandomDigits(rng, fc.intl_digits);
      if (used_numbers_.insert(c.phone).second) break;
    }
  } else {
    c.phone = UniqueMobile(rng);
  }
  if (rng.Chance(0.7)) {
    static constexpr const char* kDomains[] = {"gmail.com", "outlook.com", "yahoo.com",
                                               "icloud.com"};
    std::string local = first + "." + last;
    for (char& ch : local) {
      if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
      if (ch == '-') ch = '.';
    }
    c.email = local + std::to_string(rng.Between(1, 99)) + "@";
    c.email += rng.Pick(kDomains);
  }
  // Foreign residents cluster in the large cities.
  static constexpr std::string_view kExpatRegions[] = {"110105", "110108", "310101", "310104",
                                                       "310106", "310115", "440106", "440303",
                                                       "440304", "440305", "330106", "330108"};
  const std::string_view code = rng.Pick(kExpatRegions);
  for (int i = 0; i < kRegionCount; ++i) {
    if (code == kRegions[i].code) p.region = i;
  }
  const Region& r = kRegions[p.region];
  c.address = Address(rng, r, false);
  c.province = r.province;
  c.segment = rng.Chance(0.6) ? "affluent" : rng.Chance(0.7) ? "mass" : "private";
  c.investor_class = InvestorClass(rng, c.segment);
  c.aml_risk = AmlRisk(rng, 0.18, 0.04);
  return c;
}

// GB 32100-2015 unified social credit code: registration authority '9' (market regulation),
// type '1' (enterprise), the region code, a GB 11714 organisation code with its check
// character, and a MOD 31 check character over the first 17.
std::string Uscc(Rng& rng, const Region& r) {
  static constexpr char kAlphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  static constexpr int kWeights[17] = {1,  3,  9,  27, 19, 26, 16, 17, 20,
                                       29, 25, 13, 8,  24, 10, 30, 28};
  static constexpr int kOrgWeights[8] = {3, 7, 9, 10, 5, 8, 4, 2};
  std::string code = std::string("91") + r.code;
  std::string org = RandomDigits(rng, 8);
  int sum = 0;
  for (int i = 0; i < 8; ++i) sum += (org[i] - '0') * kOrgWeights[i];
  const int c9 = 11 - sum % 11;
  org += c9 == 10 ? 'X' : c9 == 11 ? '0' : static_cast<char>('0' + c9);
  code += org;
  sum = 0;
  for (int i = 0; i < 17; ++i) {
    sum += static_cast<int>(std::string_view(kAlphabet).find(code[i])) * kWeights[i];
  }
  code += kAlphabet[(31 - sum % 31) % 31];
  return code;
}

Customer DemoBuilder::MakeCorporate(Rng& rng, Profile& p) {
  Customer c;
  c.type = "corporate";
  c.id_type = "uscc";
  const Region& r = kRegions[p.region];
  const Word* brand = nullptr;
  for (;;) {
    brand = &rng.Pick(kBrands);
    const double u = rng.Unit();
    const char* suffix = u < 0.72   ? "有限公司"
                         : u < 0.86 ? "股份有限公司"
                         : u < 0.96 ? "有限责任公司"
                                    : "集团有限公司";
    std::string city = r.short_city;
    if (rng.Chance(0.5)) city += "市";
    c.name = city + brand->hanzi + rng.Pick(kIndustries) + suffix;
    if (used_names_.insert(c.name).second) break;
  }
  for (;;) {
    c.id_number = Uscc(rng, r);
    if (used_numbers_.insert(c.id_number).second) break;
  }
  c.phone = UniqueMobile(rng);  // the registered contact's mobile
  if (rng.Chance(0.6)) {
    static constexpr const char* kRoles[] = {"finance", "info", "service", "contact", "hr"};
    c.email = std::string(rng.Pick(kRoles)) + "@" + brand->pinyin;
    c.email += std::to_string(rng.Between(1, 999));
    c.email += rng.Chance(0.5) ? ".com.cn" : ".com";
  }
  c.address = Address(rng, r, true);
  c.province = r.province;
  c.segment = rng.Chance(0.75) ? "sme" : "corporate";
  c.investor_class = InvestorClass(rng, c.segment);
  c.aml_risk = AmlRisk(rng, 0.15, 0.03);
  return c;
}

Status DemoBuilder::BuildCustomers() {
  Rng rng = Rng::Derived(options_.seed, 4);
  static const Weighted regions = [] {
    std::vector<double> w;
    for (const Region& r : kRegions) w.push_back(r.weight);
    return Weighted(w);
  }();
  const int n = options_.customers;
  customers_.reserve(n);
  profiles_.reserve(n);
  const int64_t end_us = DayStartUs(kYearDays);
  for (int i = 0; i < n; ++i) {
    Profile p;
    p.region = static_cast<int>(regions.Pick(rng));
    const double u = rng.Unit();
    p.kind = u < 0.06 ? Kind::kCorporate : u < 0.10 ? Kind::kForeign : Kind::kDomestic;
    Customer c = p.kind == Kind::kCorporate ? MakeCorporate(rng, p)
                 : p.kind == Kind::kForeign ? MakeForeign(rng, p)
                                            : MakeDomestic(rng, p);
    // Customer since: most long before the year, some during it; never before turning 18.
    int earliest = -20 * 365;  // corporates: registered up to twenty years ago
    if (p.kind == Kind::kDomestic) {
      StatusOr<CivilDate> adult = CivilDate::Make(p.birth.year + 18, p.birth.month, p.birth.day);
      const CivilDate eighteen = adult.ok() ? *adult : CivilDate{p.birth.year + 18, 3, 1};
      earliest = static_cast<int>(eighteen.DaysSinceEpoch() - first_day_.DaysSinceEpoch());
    } else if (p.kind == Kind::kForeign) {
      earliest = -(p.age - 18) * 365;
    }
    earliest = std::max(earliest, -18 * 365);
    if (earliest >= 0 || rng.Chance(0.08)) {
      const int lo = std::max(earliest, 0);
      p.created_day = rng.Between(lo, std::max(lo, kYearDays - 35));
    } else {
      p.created_day = rng.Between(earliest, -1);
    }
    const int64_t created_us = TimeOn(rng, p.created_day, branch_hours_);
    c.created_at = Instant{created_us};
    c.updated_at = rng.Chance(0.3)
                       ? Instant{created_us + static_cast<int64_t>(rng.Below(end_us - created_us))}
                       : c.created_at;
    const auto id_hi = static_cast<uint16_t>(rng.Next());
    c.id = UlidFromParts(created_us / 1000, id_hi, rng.Next());
    // The same rules as the API and the CSV import; a generator bug fails here, not in a demo.
    StatusOr<Customer> checked = ApplyCustomerInput(c, CustomerInput{}, true, options_.last_day);
    if (!checked.ok()) {
      return Internal("demo customer " + std::to_string(i) +
                      " is invalid: " + checked.status().ToString());
    }
    if (checked->phone != c.phone || checked->id_number != c.id_number) {
      return Internal("demo customer " + std::to_string(i) + " was normalised by validation");
    }
    customers_.push_back(std::move(c));
    profiles_.push_back(p);
  }
  // Ids carry the customer-since time; ordering by id keeps the primary-key index append-only.
  std::vector<int> order(n);
  for (int i = 0; i < n; ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](int a, int b) { return customers_[a].id < customers_[b].id; });
  std::vector<Customer> sorted_customers;
  std::vector<Profile> sorted_profiles;
  sorted_customers.reserve(n);
  sorted_profiles.reserve(n);
  for (int i : order) {
    sorted_customers.push_back(std::move(customers_[i]));
    sorted_profiles.push_back(profiles_[i]);
  }
  customers_ = std::move(sorted_customers);
  profiles_ = std::move(sorted_profiles);
  return OkStatus();
}

void DemoBuilder::ChoosePlanted() {
  Rng rng = Rng::Derived(options_.seed, 5);
  planted_of_.assign(customers_.size(), Pattern::kNone);
  // Carriers are existing (customer for a year or more), mainland customers: every pattern is
  // then observable within the year on a CNY account.
  std::vector<int> eligible;
  for (size_t i = 0; i < customers_.size(); ++i) {
    if (profiles_[i].kind != Kind::kForeign && profiles_[i].created_day < -30) {
      eligible.push_back(static_cast<int>(i));
    }
  }
  for (size_t i = eligible.size(); i > 1; --i) std::swap(eligible[i - 1], eligible[rng.Below(i)]);
  const int per_pattern = std::max(1, static_cast<int>(std::lround(options_.customers * 0.0075)));
  size_t next = 0;
  for (Pattern p : {Pattern::kStructuring, Pattern::kFanIn, Pattern::kFanOut, Pattern::kDormant,
                    Pattern::kHighRisk}) {
    for (int k = 0; k < per_pattern && next < eligible.size(); ++k) {
      planted_of_[eligible[next++]] = p;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Accounts and transactions.

int DemoBuilder::PickDay(Rng& rng, Window w, DayRule rule) const {
  for (int attempt = 0;; ++attempt) {
    const int d = w.from + static_cast<int>(rng.Below(w.days()));
    if (attempt >= 3 || rule == DayRule::kAny) return d;
    const int wd = Weekday(d);
    if (rule == DayRule::kBusiness && wd >= 6 && rng.Chance(0.85)) continue;
    if (rule == DayRule::kBranch && wd == 7 && rng.Chance(0.6)) continue;
    return d;
  }
}

int64_t DemoBuilder::TimeOn(Rng& rng, int day, const Weighted& hours) const {
  const auto hour = static_cast<int64_t>(hours.Pick(rng));
  const auto second = static_cast<int64_t>(rng.Below(3600));
  const auto milli = static_cast<int64_t>(rng.Below(1000));
  return DayStartUs(day) + hour * kMicrosPerHour + second * kMicrosPerSecond + milli * 1000;
}

double DemoBuilder::DrawYuan(Rng& rng, const AmountModel& m, double scale) const {
  return std::clamp(rng.LogNormal(m.median * scale, m.sigma), m.min, m.max * scale);
}

int64_t DemoBuilder::ToMinor(double yuan, Currency ccy, int day, double round_to) const {
  double v = ccy == kCny ? yuan : yuan / fx_[ccy][std::clamp(day, 0, kYearDays - 1)];
  if (round_to >= 1) v = std::max(round_to, std::round(v / round_to) * round_to);
  return std::max<int64_t>(1, std::llround(v * 100));
}

void DemoBuilder::Add(int32_t account, int64_t time_us, int64_t amount_minor, Channel ch,
                      Direction dir, int32_t counterparty, int32_t device) {
  records_.push_back({time_us, amount_minor, account, counterparty, device,
                      static_cast<uint8_t>(ch), static_cast<uint8_t>(dir)});
  account_last_us_[account] = std::max(account_last_us_[account], time_us);
}

int32_t DemoBuilder::PickParty(CustomerCtx& c, Cp kind) {
  Rng& rng = c.rng;
  const int region = c.profile->region;
  switch (kind) {
    case Cp::kNone:
      return -1;
    case Cp::kContact:
      return rng.Pick(c.contacts);
    case Cp::kEmployer:
      return c.employer;
    case Cp::kMerchant:
      return rng.Chance(0.75) ? rng.Pick(region_merchants_[region]) : rng.Pick(online_merchants_);
    case Cp::kPlatformOrMerchant:
      return rng.Chance(0.6) ? rng.Pick(platforms_) : rng.Pick(online_merchants_);
    case Cp::kPlatform:
      return rng.Pick(platforms_);
    case Cp::kUtility:
      return rng.Pick(utilities_);
    case Cp::kForeign:
      return rng.Pick(c.foreign_contacts);
    case Cp::kTax:
      return region_tax_[region];
    case Cp::kSocial:
      return region_social_[region];
    case Cp::kInternalLoan:
      return internal_[0];
    case Cp::kInternalCard:
      return internal_[1];
    case Cp::kInternalInvest:
      return internal_[2];
    case Cp::kInternalInterest:
      return internal_[3];
  }
  return -1;
}

int32_t DemoBuilder::DeviceFor(CustomerCtx& c, Device kind, int32_t counterparty) {
  Rng& rng = c.rng;
  const int region = c.profile->region;
  switch (kind) {
    case Device::kNone:
      return -1;
    case Device::kOwn:
      return c.device;
    case Device::kAtm:
      // Mostly near home; sometimes while travelling.
      return rng.Chance(0.9) ? rng.Pick(region_atms_[region])
                             : rng.Pick(region_atms_[rng.Below(kRegionCount)]);
    case Device::kTeller:
      return rng.Pick(region_tellers_[region]);
    case Device::kPos:
      return counterparty >= 0 ? merchant_pos_[counterparty] : -1;
    case Device::kOwnOrTeller:
      return rng.Chance(0.8) ? c.device : rng.Pick(region_tellers_[region]);
  }
  return -1;
}

void DemoBuilder::Emit(CustomerCtx& c, int32_t account, Window w, double per_year, Channel ch,
                       Direction dir, const AmountModel& m, double scale, Cp cp, Device dev,
                       DayRule rule, const Weighted& hours) {
  if (w.empty() || per_year <= 0) return;
  Rng& rng = c.rng;
  const double expected = per_year * c.activity * w.days() / kYearDays * (0.75 + 0.5 * rng.Unit());
  const int n = static_cast<int>(expected + rng.Unit());  // stochastic rounding
  const Currency ccy = account_currency_[account];
  for (int i = 0; i < n; ++i) {
    const int day = PickDay(rng, w, rule);
    const int32_t party = PickParty(c, cp);
    const int64_t t = TimeOn(rng, day, hours);
    const int64_t minor = ToMinor(DrawYuan(rng, m, scale), ccy, day, m.round_to);
    Add(account, t, minor, ch, dir, party, DeviceFor(c, dev, party));
  }
}

void DemoBuilder::EmitInternal(CustomerCtx& c, int32_t from, int32_t to, Window w, double per_year,
                               const AmountModel& m, double scale, Cp cp, bool monthly) {
  if (w.empty()) return;
  Rng& rng = c.rng;
  const int32_t party = PickParty(c, cp);
  auto pair = [&](int day, double yuan) {
    const int64_t t = TimeOn(rng, day, retail_hours_);
    Add(from, t, ToMinor(yuan, account_currency_[from], day, m.round_to), kTransfer, kOut, party,
        c.device);
    Add(to, t, ToMinor(yuan, account_currency_[to], day, m.round_to), kTransfer, kIn, party,
        c.device);
  };
  if (monthly) {
    const double base = DrawYuan(rng, m, scale);
    const int dom = rng.Between(1, 28);
    for (int d = w.from; d <= w.to; ++d) {
      if (day_of_month_[d] == dom) pair(d, base * (1 + 0.02 * rng.Normal()));
    }
    return;
  }
  const double expected = per_year * w.days() / kYearDays * (0.75 + 0.5 * rng.Unit());
  const int n = static_cast<int>(expected + rng.Unit());
  for (int i = 0; i < n; ++i) {
    const int day = PickDay(rng, w, DayRule::kAny);
    pair(day, DrawYuan(rng, m, scale));
  }
}

void DemoBuilder::EmitMonthly(CustomerCtx& c, int32_t account, Window w, int day_of_month,
                              double amount_yuan, Channel ch, Direction dir, int32_t counterparty,
                              Device dev) {
  Rng& rng = c.rng;
  for (int d = w.from; d <= w.to; ++d) {
    if (day_of_month_[d] != day_of_month) continue;
    // Payroll runs on a working day: a weekend payday moves back to Friday.
    int pay = d;
    const int wd = Weekday(d);
    if (wd >= 6) pay -= wd - 5;
    if (!w.contains(pay)) continue;
    // A thirteenth salary with January's pay.
    const double factor = month_[d] == 1 && counterparty == c.employer ? 2.0 : 1.0;
    const double yuan = amount_yuan * factor * (1 + 0.03 * rng.Normal());
    const auto hour = static_cast<int64_t>(9 + rng.Below(3));
    const auto second = static_cast<int64_t>(rng.Below(3600));
    const int64_t t = DayStartUs(pay) + hour * kMicrosPerHour + second * kMicrosPerSecond;
    Add(account, t, ToMinor(yuan, account_currency_[account], pay, 0.01), ch, dir, counterparty,
        DeviceFor(c, dev, counterparty));
  }
}

void DemoBuilder::EmitInterest(CustomerCtx& c, int32_t account, Window w) {
  // Demand deposits are credited interest on the 21st of the last month of each quarter, in the
  // night batch.
  const int64_t balance = std::max<int64_t>(accounts_[account].balance_minor, 10000);
  for (int d = w.from; d <= w.to; ++d) {
    if (day_of_month_[d] != 21 || month_[d] % 3 != 0) continue;
    const int64_t t =
        DayStartUs(d) + kMicrosPerHour + static_cast<int64_t>(c.rng.Below(3600)) * kMicrosPerSecond;
    Add(account, t, std::max<int64_t>(1, balance / 2000), kTransfer, kIn, internal_[3], -1);
  }
}

int32_t DemoBuilder::AddAccount(CustomerCtx& c, const char* type, int product, int opened_day,
                                Window* window) {
  Rng& rng = c.rng;
  const std::string_view t(type);
  const ProductSpec& spec = kProducts[product];
  Account a;
  const int64_t opened_us = TimeOn(rng, opened_day, branch_hours_);
  const auto id_hi = static_cast<uint16_t>(rng.Next());
  a.id = UlidFromParts(opened_us / 1000, id_hi, rng.Next());
  a.customer_id = customers_[c.ci].id;
  const char* bin = t == "credit_card"                   ? rng.Pick(kCreditBins)
                    : (t == "loan" || t == "investment") ? rng.Pick(kLoanInvestBins)
                                                         : rng.Pick(kDebitBins);
  a.number = UniqueNumber(rng, bin, 19, true);
  a.type = type;
  a.product_id = products_[product].id;
  a.currency = spec.currency;
  a.opened_on = first_day_.AddDays(opened_day).ToString();
  const Currency ccy = CurrencyOf(spec.currency);
  const double to_ccy = ccy == kCny ? 1.0 : fx_[ccy][kYearDays - 1];
  const double w = c.wealth;
  double yuan;
  if (t == "credit_card") {
    yuan = rng.Chance(0.25) ? 0 : -rng.LogNormal(4000 * w, 0.9);
  } else if (t == "loan") {
    yuan = -(product == kMortgage       ? rng.LogNormal(800000, 0.5)
             : product == kConsumerLoan ? rng.LogNormal(80000, 0.6)
                                        : rng.LogNormal(2000000 * w / 5, 0.8));
  } else if (t == "investment") {
    yuan = rng.LogNormal(150000 * w, 0.8);
  } else if (t == "current") {
    yuan = rng.LogNormal(300000 * w / 5, 1.0);
  } else {
    yuan = rng.LogNormal(30000 * w, 1.1);
  }
  a.balance_minor = std::llround(yuan / to_ccy * 100);

  // Status: the primary account is rarely dormant; other accounts are sometimes dormant or closed.
  *window = {std::max(0, opened_day), kYearDays - 1};
  a.status = "active";
  const bool primary = accounts_.empty() || account_owner_.back() != c.ci;
  const double u = rng.Unit();
  const bool may_change = planted_of_[c.ci] == Pattern::kNone || !primary;
  if (may_change && t != "loan" && u < (primary ? 0.03 : 0.07)) {
    // Dormant: no customer activity for at least 185 days before the last day. (A loan keeps
    // being repaid, so it is never dormant.)
    a.status = "dormant";
    const int quiet_since = rng.Between(-400, kYearDays - 186);
    window->to = std::min(window->to, quiet_since);
    a.balance_minor = t == "credit_card" ? 0 : std::llround(rng.LogNormal(300, 1.5) / to_ccy * 100);
    if (quiet_since >= opened_day) {
      a.last_activity_at = Instant{TimeOn(rng, quiet_since, retail_hours_)};
    }
  } else if (may_change && !primary && u < 0.10 && window->from + 10 <= kYearDays - 5) {
    a.status = "closed";
    const int closed = rng.Between(window->from + 10, kYearDays - 5);
    a.closed_on = first_day_.AddDays(closed).ToString();
    window->to = closed;
    a.balance_minor = 0;
  }
  accounts_.push_back(std::move(a));
  account_owner_.push_back(c.ci);
  account_currency_.push_back(ccy);
  account_last_us_.push_back(INT64_MIN);
  return static_cast<int32_t>(accounts_.size() - 1);
}

void DemoBuilder::GenerateActivity(int ci) {
  const Profile& p = profiles_[ci];
  const Customer& customer = customers_[ci];
  CustomerCtx c{
      ci, Rng::Derived(options_.seed, 1000 + static_cast<uint64_t>(ci)), &p, 1.0, 1.0, {}, {}, -1,
      -1};
  Rng& rng = c.rng;
  const Pattern pattern = planted_of_[ci];
  const bool corporate = p.kind == Kind::kCorporate;
  c.activity = rng.LogNormal(1.0, corporate ? 0.4 : 0.3);
  const std::string& seg = customer.segment;
  c.wealth = (seg == "affluent"    ? 2.5
              : seg == "private"   ? 6.0
              : seg == "corporate" ? 5.0
                                   : 1.0) *
             rng.LogNormal(1.0, 0.3);

  // The people and firms this customer deals with. Kept to at most 13 distinct transfer
  // counterparties in total, so that no ordinary customer can look like fan-in/fan-out (>= 15).
  const int contacts = corporate ? rng.Between(5, 8) : rng.Between(2, 6);
  for (int i = 0; i < contacts; ++i) {
    c.contacts.push_back(static_cast<int32_t>(
        corporate ? companies_begin_ + rng.Below(companies_end_ - companies_begin_)
                  : persons_begin_ + rng.Below(persons_end_ - persons_begin_)));
  }
  c.employer =
      static_cast<int32_t>(companies_begin_ + rng.Below(companies_end_ - companies_begin_));
  const std::vector<int32_t>& foreign_pool =
      p.kind == Kind::kForeign ? foreign_by_country_[p.country] : foreign_all_;
  for (int i = 0, n = rng.Between(1, 2); i < n; ++i)
    c.foreign_contacts.push_back(rng.Pick(foreign_pool));
  {
    std::string dev = "MB-";
    static constexpr char kHex[] = "0123456789abcdef";
    for (int i = 0; i < 16; ++i) dev += kHex[rng.Below(16)];
    devices_.push_back(std::move(dev));
    c.device = static_cast<int32_t>(devices_.size() - 1);
  }

  // Accounts.
  const int opened = p.created_day;
  auto extra_opened = [&] { return rng.Between(opened, std::max(opened, kYearDays - 35)); };
  Window primary_w{};
  const int32_t primary = AddAccount(c, corporate ? "current" : "savings",
                                     corporate ? kSettlementCny : kSavingsCny, opened, &primary_w);
  struct Extra {
    const char* type;
    int product;
  };
  std::vector<Extra> extras;
  if (pattern != Pattern::kDormant) {
    const double wealthy = seg == "private" ? 2 : seg == "affluent" ? 1 : 0;
    if (corporate) {
      if (rng.Chance(0.3)) extras.push_back({"loan", kWorkingCapital});
      if (rng.Chance(0.25)) extras.push_back({"current", kSettlementUsd});
      if (rng.Chance(0.2)) {
        static constexpr int kCorporateInvest[] = {kStructuredDeposit, kWealth30d, kMoneyMarket,
                                                   kCreditBonds};
        extras.push_back({"investment", rng.Pick(kCorporateInvest)});
      }
    } else {
      if (p.age < 75 && rng.Chance(0.30 + 0.15 * wealthy)) {
        extras.push_back({"credit_card", wealthy > 0 ? kPlatinumCard : kClassicCard});
      }
      if (p.kind == Kind::kDomestic && p.age >= 25 && p.age <= 60 && rng.Chance(0.18)) {
        extras.push_back({"loan", rng.Chance(0.6) ? kMortgage : kConsumerLoan});
      }
      if (rng.Chance(0.12 + 0.35 * wealthy)) {
        // Suitability: only products at or below the customer's risk tolerance.
        const std::string& ic = customer.investor_class;
        const char max_risk = ic == "professional" ? '5' : ic.empty() ? '1' : ic[1];
        std::vector<int> allowed;
        for (int prod : kInvestmentProducts) {
          if (kProducts[prod].risk_level[1] <= max_risk) allowed.push_back(prod);
        }
        extras.push_back({"investment", rng.Pick(allowed)});
      }
      const double fx_chance = p.kind == Kind::kForeign ? 0.45 : 0.02 + 0.1 * wealthy;
      if (rng.Chance(fx_chance)) {
        std::string_view code = p.kind == Kind::kForeign ? kForeignCountries[p.country].currency
                                                         : (rng.Chance(0.6)   ? "USD"
                                                            : rng.Chance(0.6) ? "HKD"
                                                                              : "EUR");
        extras.push_back({"savings", code == "USD"   ? kSavingsUsd
                                     : code == "HKD" ? kSavingsHkd
                                                     : kSavingsEur});
      }
    }
    for (size_t i = extras.size(); i > 1; --i) std::swap(extras[i - 1], extras[rng.Below(i)]);
    if (extras.size() > 2) extras.resize(2);
  }
  std::vector<std::pair<int32_t, Window>> secondary;
  for (const Extra& e : extras) {
    Window w{};
    const int32_t a = AddAccount(c, e.type, e.product, extra_opened(), &w);
    secondary.emplace_back(a, w);
  }

  // The dormant-reactivation carrier goes quiet for >= 185 days before its burst.
  int quiet_from = kYearDays;
  if (pattern == Pattern::kDormant) {
    quiet_from = rng.Between(20, 150);
    primary_w.to = std::min(primary_w.to, quiet_from);
  }

  // Flows on the primary account.
  const Window pw = primary_w;
  const double s = c.wealth;
  const int32_t pa = primary;
  if (corporate) {
    const bool sme = seg == "sme";
    Emit(c, pa, pw, 110, kTransfer, kIn, kBusinessTransfer, s, Cp::kContact, Device::kNone,
         DayRule::kBusiness, business_hours_);
    Emit(c, pa, pw, 130, kTransfer, kOut, kBusinessTransfer, s, Cp::kContact, Device::kOwnOrTeller,
         DayRule::kBusiness, business_hours_);
    const int32_t tax = PickParty(c, Cp::kTax);
    const int32_t social = PickParty(c, Cp::kSocial);
    EmitMonthly(c, pa, pw, 15, DrawYuan(rng, kTaxPayment, s), kOnline, kOut, tax, Device::kOwn);
    EmitMonthly(c, pa, pw, 20, DrawYuan(rng, kTaxPayment, s * 0.6), kOnline, kOut, social,
                Device::kOwn);
    Emit(c, pa, pw, 12, kOnline, kOut, kBillPayment, s * 5, Cp::kUtility, Device::kOwn,
         DayRule::kBusiness, business_hours_);
    Emit(c, pa, pw, sme ? 10 : 2, kCash, kIn, kCashDeposit, 1, Cp::kNone, Device::kTeller,
         DayRule::kBranch, branch_hours_);
    Emit(c, pa, pw, 4, kCash, kOut, kCashWithdrawal, 1, Cp::kNone, Device::kTeller,
         DayRule::kBranch, branch_hours_);
    Emit(c, pa, pw, 8, kCheque, kOut, kChequeAmount, s, Cp::kContact, Device::kTeller,
         DayRule::kBranch, branch_hours_);
    Emit(c, pa, pw, 5, kCheque, kIn, kChequeAmount, s, Cp::kContact, Device::kTeller,
         DayRule::kBranch, branch_hours_);
    Emit(c, pa, pw, 10, kCard, kOut, kCardPurchase, s * 3, Cp::kMerchant, Device::kPos,
         DayRule::kBusiness, business_hours_);
    if (rng.Chance(0.3)) {  // importers and exporters
      Emit(c, pa, pw, 8, kTransfer, kIn, kCrossBorder, s * 5, Cp::kForeign, Device::kNone,
           DayRule::kBusiness, business_hours_);
      Emit(c, pa, pw, 10, kTransfer, kOut, kCrossBorder, s * 5, Cp::kForeign, Device::kOwn,
           DayRule::kBusiness, business_hours_);
    }
  } else {
    const bool foreign = p.kind == Kind::kForeign;
    if (foreign || (p.age < 60 ? rng.Chance(0.85) : rng.Chance(0.15))) {
      const double salary =
          std::clamp(rng.LogNormal((foreign ? 25000 : 8000) * s, 0.5), 2500.0, 500000.0);
      static constexpr int kPaydays[] = {5, 10, 15, 25};
      EmitMonthly(c, pa, pw, rng.Pick(kPaydays), salary, kTransfer, kIn, c.employer, Device::kNone);
    } else if (p.age >= 60) {
      EmitMonthly(c, pa, pw, 8, std::clamp(rng.LogNormal(3500, 0.4), 1200.0, 20000.0), kTransfer,
                  kIn, PickParty(c, Cp::kSocial), Device::kNone);
    }
    const double young = p.age < 40 ? 1.3 : p.age < 60 ? 1.0 : 0.5;  // how much goes online
    Emit(c, pa, pw, 24, kCard, kOut, kCardPurchase, s, Cp::kMerchant, Device::kPos, DayRule::kAny,
         retail_hours_);
    Emit(c, pa, pw, 22 * young, kOnline, kOut, kOnlinePayment, s, Cp::kPlatformOrMerchant,
         Device::kOwn, DayRule::kAny, retail_hours_);
    Emit(c, pa, pw, 3, kOnline, kIn, kRefund, s, Cp::kPlatform, Device::kOwn, DayRule::kAny,
         retail_hours_);
    Emit(c, pa, pw, 6, kOnline, kOut, kBillPayment, 1, Cp::kUtility, Device::kOwn, DayRule::kAny,
         retail_hours_);
    Emit(c, pa, pw, foreign ? 5 : 10, kTransfer, kOut, kPersonalTransfer, s, Cp::kContact,
         Device::kOwnOrTeller, DayRule::kAny, retail_hours_);
    Emit(c, pa, pw, foreign ? 3 : 7, kTransfer, kIn, kPersonalTransfer, s, Cp::kContact,
         Device::kNone, DayRule::kAny, retail_hours_);
    Emit(c, pa, pw, 10 / young, kAtm, kOut, kAtmWithdrawal, 1, Cp::kNone, Device::kAtm,
         DayRule::kAny, atm_hours_);
    Emit(c, pa, pw, 1, kAtm, kIn, kAtmDeposit, 1, Cp::kNone, Device::kAtm, DayRule::kAny,
         atm_hours_);
    Emit(c, pa, pw, 2.5, kCash, kIn, kCashDeposit, 1, Cp::kNone, Device::kTeller, DayRule::kBranch,
         branch_hours_);
    Emit(c, pa, pw, 2 / young, kCash, kOut, kCashWithdrawal, 1, Cp::kNone, Device::kTeller,
         DayRule::kBranch, branch_hours_);
    if (foreign) {  // remittances home
      Emit(c, pa, pw, 8, kTransfer, kOut, kCrossBorder, s * 0.5, Cp::kForeign, Device::kOwn,
           DayRule::kBusiness, business_hours_);
      Emit(c, pa, pw, 1, kTransfer, kIn, kCrossBorder, s * 0.5, Cp::kForeign, Device::kNone,
           DayRule::kBusiness, business_hours_);
    } else if (seg != "mass" && rng.Chance(0.15)) {  // tuition, travel, property abroad
      Emit(c, pa, pw, 2, kTransfer, kOut, kCrossBorder, s, Cp::kForeign, Device::kOwn,
           DayRule::kBusiness, business_hours_);
      Emit(c, pa, pw, 1, kTransfer, kIn, kCrossBorder, s, Cp::kForeign, Device::kNone,
           DayRule::kBusiness, business_hours_);
    }
  }
  EmitInterest(c, pa, pw);

  // Secondary accounts.
  for (const auto& [a, w] : secondary) {
    const Account& acc = accounts_[a];
    const std::string_view type = acc.type;
    const Window both = Intersect(w, pw);
    if (type == "credit_card") {
      Emit(c, a, w, 26, kCard, kOut, kCardPurchase, s, Cp::kMerchant, Device::kPos, DayRule::kAny,
           retail_hours_);
      Emit(c, a, w, 12, kOnline, kOut, kOnlinePayment, s, Cp::kPlatformOrMerchant, Device::kOwn,
           DayRule::kAny, retail_hours_);
      EmitInternal(c, pa, a, both, 12, kCardRepayment, s, Cp::kInternalCard, true);
    } else if (type == "loan") {
      EmitInternal(c, pa, a, both, 12, kCardRepayment, corporate ? s * 10 : s * 1.5,
                   Cp::kInternalLoan, true);
      if (w.from > 0) {  // disbursed this year: to the seller or supplier
        const int64_t t = TimeOn(rng, w.from, business_hours_);
        const int32_t party = corporate ? rng.Pick(c.contacts) : c.employer;
        const int64_t owed = -accounts_[a].balance_minor;
        Add(a, t, owed > 0 ? owed + owed / 20 : 10'000'000, kTransfer, kOut, party, -1);
      }
    } else if (type == "investment") {
      EmitInternal(c, pa, a, both, corporate ? 6 : 4, kInvestment, s, Cp::kInternalInvest, false);
      EmitInternal(c, a, pa, both, corporate ? 4 : 2, kInvestment, s, Cp::kInternalInvest, false);
      Emit(c, a, w, 2, kTransfer, kIn, kRefund, s * 20, Cp::kInternalInvest, Device::kNone,
           DayRule::kBusiness, business_hours_);
    } else {  // foreign-currency savings or current account
      const double k = corporate ? 2 : 1;
      Emit(c, a, w, 3 * k, kTransfer, kIn, kCrossBorder, s, Cp::kContact, Device::kNone,
           DayRule::kBusiness, business_hours_);
      Emit(c, a, w, 2 * k, kTransfer, kOut, kCrossBorder, s, Cp::kContact, Device::kOwn,
           DayRule::kBusiness, business_hours_);
      Emit(c, a, w, 4 * k * k, kTransfer, kIn, kCrossBorder, s, Cp::kForeign, Device::kNone,
           DayRule::kBusiness, business_hours_);
      Emit(c, a, w, 4 * k * k, kTransfer, kOut, kCrossBorder, s, Cp::kForeign, Device::kOwn,
           DayRule::kBusiness, business_hours_);
      if (acc.status != "dormant") EmitInterest(c, a, w);
    }
  }

  switch (pattern) {
    case Pattern::kStructuring:
      PlantStructuring(c, pa);
      break;
    case Pattern::kFanIn:
      PlantFanIn(c, pa);
      break;
    case Pattern::kFanOut:
      PlantFanOut(c, pa);
      break;
    case Pattern::kDormant:
      PlantDormant(c, pa, quiet_from);
      break;
    case Pattern::kHighRisk:
      PlantHighRisk(c, pa);
      break;
    case Pattern::kNone:
      break;
  }

  // Last activity: the latest transaction; accounts without one this year keep what
  // AddAccount set (a dormant account's last activity before the year) or none.
  const size_t first_account = accounts_.size() - 1 - secondary.size();
  for (size_t a = first_account; a < accounts_.size(); ++a) {
    if (account_last_us_[a] != INT64_MIN)
      accounts_[a].last_activity_at = Instant{account_last_us_[a]};
  }
}

int32_t DemoBuilder::FreshCounterparty(CustomerCtx& c, size_t begin, size_t end,
                                       std::unordered_set<int32_t>& used) {
  for (;;) {
    const auto id = static_cast<int32_t>(begin + c.rng.Below(end - begin));
    if (std::find(c.contacts.begin(), c.contacts.end(), id) != c.contacts.end()) continue;
    if (id == c.employer) continue;
    if (used.insert(id).second) return id;
  }
}

std::string DemoBuilder::Decimal(int64_t minor, Currency ccy) const {
  StatusOr<Money> m = Money::FromMinorUnits(minor, kCurrencyCodes[ccy]);
  return m.ok() ? m->ToString() : std::to_string(minor);
}

void DemoBuilder::RecordPlanted(int ci, Pattern p, nlohmann::json detail) {
  planted_.push_back({ci, p, detail.dump()});
}

void DemoBuilder::PlantStructuring(CustomerCtx& c, int32_t account) {
  Rng& rng = c.rng;
  nlohmann::json episodes = nlohmann::json::array();
  int64_t total = 0;
  int deposits = 0;
  const int n_episodes = rng.Chance(0.4) ? 2 : 1;
  for (int e = 0; e < n_episodes; ++e) {
    // Several branches, the same or the next day, each deposit just under CNY 50,000.
    const int day = rng.Between(5 + 180 * e, 175 + 180 * e);
    const int n = rng.Between(3, 5);
    int64_t episode_total = 0;
    int64_t first = INT64_MAX, last = INT64_MIN;
    for (int i = 0; i < n; ++i) {
      const int d = day + static_cast<int>(rng.Below(2));
      const int64_t t = TimeOn(rng, d, branch_hours_);
      const int64_t minor = int64_t{rng.Between(450, 499)} * 100 * 100;
      const int32_t teller =
          rng.Pick(region_tellers_[rng.Chance(0.7) ? c.profile->region
                                                   : static_cast<int>(rng.Below(kRegionCount))]);
      Add(account, t, minor, kCash, kIn, -1, teller);
      episode_total += minor;
      first = std::min(first, t);
      last = std::max(last, t);
    }
    total += episode_total;
    deposits += n;
    episodes.push_back({{"first_at", Iso(first)},
                        {"last_at", Iso(last)},
                        {"deposits", n},
                        {"total", Decimal(episode_total, kCny)}});
  }
  RecordPlanted(c.ci, Pattern::kStructuring,
                {{"account_id", accounts_[account].id},
                 {"currency", "CNY"},
                 {"threshold", "50000.00"},
                 {"deposits", deposits},
                 {"total", Decimal(total, kCny)},
                 {"episodes", episodes}});
}

void DemoBuilder::PlantFanIn(CustomerCtx& c, int32_t account) {
  Rng& rng = c.rng;
  const int day = rng.Between(10, kYearDays - 10);
  const int64_t start = TimeOn(rng, day, business_hours_);
  const int n = rng.Between(15, 30);
  std::unordered_set<int32_t> used;
  int64_t total = 0, last = start;
  for (int i = 0; i < n; ++i) {
    const int32_t from = FreshCounterparty(c, persons_begin_, persons_end_, used);
    const int64_t t = start + static_cast<int64_t>(rng.Below(40 * 3600)) * kMicrosPerSecond;
    const int64_t minor =
        std::llround(std::clamp(rng.LogNormal(8000, 0.6), 1000.0, 49000.0) / 100) * 100 * 100;
    Add(account, t, minor, kTransfer, kIn, from, -1);
    total += minor;
    last = std::max(last, t);
  }
  // Layering: most of it leaves to one or two accounts within a day.
  const int outs = rng.Between(1, 2);
  int64_t remaining = total * rng.Between(90, 98) / 100;
  for (int i = 0; i < outs; ++i) {
    const int64_t minor = i + 1 == outs ? remaining : remaining / 2;
    remaining -= minor;
    const int32_t to = FreshCounterparty(c, companies_begin_, companies_end_, used);
    Add(account, last + (6 + static_cast<int64_t>(rng.Below(18))) * kMicrosPerHour, minor,
        kTransfer, kOut, to, c.device);
  }
  RecordPlanted(c.ci, Pattern::kFanIn,
                {{"account_id", accounts_[account].id},
                 {"counterparties", n},
                 {"window_start", Iso(start)},
                 {"window_end", Iso(last)},
                 {"total_in", Decimal(total, kCny)},
                 {"currency", "CNY"}});
}

void DemoBuilder::PlantFanOut(CustomerCtx& c, int32_t account) {
  Rng& rng = c.rng;
  const int day = rng.Between(10, kYearDays - 10);
  const int64_t start = TimeOn(rng, day, business_hours_);
  const int n = rng.Between(15, 30);
  std::unordered_set<int32_t> used;
  std::vector<int64_t> amounts;
  int64_t total = 0;
  for (int i = 0; i < n; ++i) {
    amounts.push_back(std::llround(std::clamp(rng.LogNormal(10000, 0.5), 2000.0, 45000.0) / 100) *
                      100 * 100);
    total += amounts.back();
  }
  // One large credit funds the distribution.
  const int32_t source = FreshCounterparty(c, companies_begin_, companies_end_, used);
  Add(account, start, total + total / 50, kTransfer, kIn, source, -1);
  int64_t last = start;
  for (int i = 0; i < n; ++i) {
    const int32_t to = FreshCounterparty(c, persons_begin_, persons_end_, used);
    const int64_t t =
        start + (1800 + static_cast<int64_t>(rng.Below(40 * 3600))) * kMicrosPerSecond;
    Add(account, t, amounts[i], kTransfer, kOut, to, c.device);
    last = std::max(last, t);
  }
  RecordPlanted(c.ci, Pattern::kFanOut,
                {{"account_id", accounts_[account].id},
                 {"counterparties", n},
                 {"window_start", Iso(start)},
                 {"window_end", Iso(last)},
                 {"total_out", Decimal(total, kCny)},
                 {"currency", "CNY"}});
}

void DemoBuilder::PlantDormant(CustomerCtx& c, int32_t account, int quiet_from) {
  Rng& rng = c.rng;
  // A last ordinary withdrawal anchors the start of the silence.
  const int64_t anchor = TimeOn(rng, quiet_from, atm_hours_);
  const int64_t anchor_minor = ToMinor(DrawYuan(rng, kAtmWithdrawal, 1), kCny, quiet_from, 100);
  Add(account, anchor, anchor_minor, kAtm, kOut, -1, DeviceFor(c, Device::kAtm, -1));
  const int64_t last_before = account_last_us_[account];
  const int reactivated = rng.Between(quiet_from + 190, kYearDays - 4);
  const int64_t start = TimeOn(rng, reactivated, business_hours_);
  std::unordered_set<int32_t> used;
  // Money arrives, then leaves in large transfers from a device never seen before.
  const int64_t in_minor =
      std::llround(std::clamp(rng.LogNormal(300000, 0.5), 150000.0, 2000000.0) / 100) * 100 * 100;
  Add(account, start, in_minor, kTransfer, kIn,
      FreshCounterparty(c, companies_begin_, companies_end_, used), -1);
  std::string dev = "MB-";
  static constexpr char kHex[] = "0123456789abcdef";
  for (int i = 0; i < 16; ++i) dev += kHex[rng.Below(16)];
  devices_.push_back(std::move(dev));
  const auto new_device = static_cast<int32_t>(devices_.size() - 1);
  const int64_t out_total = in_minor * 97 / 100;
  const int64_t min_each = 5'000'000;  // CNY 50,000.00
  const int k = static_cast<int>(std::clamp<int64_t>(out_total / 6'000'000, 2, rng.Between(2, 4)));
  std::vector<double> weights(k);
  double wsum = 0;
  for (double& w : weights) wsum += (w = rng.Unit());
  int64_t remaining = out_total;
  int64_t last = start;
  for (int i = 0; i < k; ++i) {
    int64_t minor = i + 1 == k ? remaining
                               : min_each + static_cast<int64_t>((out_total - min_each * k) *
                                                                 (weights[i] / wsum) / 10000) *
                                                10000;
    remaining -= minor;
    const int64_t t = start + (1 + static_cast<int64_t>(rng.Below(60 * 60))) * kMicrosPerMinute;
    Add(account, t, minor, kTransfer, kOut,
        FreshCounterparty(c, persons_begin_, persons_end_, used), new_device);
    last = std::max(last, t);
  }
  RecordPlanted(c.ci, Pattern::kDormant,
                {{"account_id", accounts_[account].id},
                 {"last_activity_before", Iso(last_before)},
                 {"reactivated_at", Iso(start)},
                 {"silent_days", (start - last_before) / kMicrosPerDay},
                 {"outflows", k},
                 {"total_out", Decimal(out_total, kCny)},
                 {"last_outflow_at", Iso(last)},
                 {"currency", "CNY"}});
}

void DemoBuilder::PlantHighRisk(CustomerCtx& c, int32_t account) {
  Rng& rng = c.rng;
  const int n = rng.Between(2, 4);
  const int base = rng.Between(0, kYearDays - 60);
  nlohmann::json countries = nlohmann::json::array();
  int64_t total = 0;
  for (int i = 0; i < n; ++i) {
    const int32_t party = rng.Pick(high_risk_);
    const int day = base + static_cast<int>(rng.Below(56));
    const int64_t minor =
        std::llround(std::clamp(rng.LogNormal(150000, 0.7), 20000.0, 2000000.0) / 100) * 100 * 100;
    const Direction dir = rng.Chance(0.6) ? kOut : kIn;
    Add(account, TimeOn(rng, day, business_hours_), minor, kTransfer, dir, party,
        dir == kOut ? c.device : -1);
    total += minor;
    const std::string& country = counterparties_[party].country;
    if (std::find(countries.begin(), countries.end(), country) == countries.end()) {
      countries.push_back(country);
    }
  }
  RecordPlanted(c.ci, Pattern::kHighRisk,
                {{"account_id", accounts_[account].id},
                 {"transfers", n},
                 {"countries", countries},
                 {"total", Decimal(total, kCny)},
                 {"currency", "CNY"}});
}

Status DemoBuilder::Build() {
  BuildFx();
  BuildProducts();
  BuildCounterparties();
  RETURN_IF_ERROR(BuildCustomers());
  ChoosePlanted();
  records_.reserve(static_cast<size_t>(options_.customers) * 150);
  accounts_.reserve(static_cast<size_t>(options_.customers) * 2);
  for (int ci = 0; ci < static_cast<int>(customers_.size()); ++ci) {
    const size_t first = records_.size();
    GenerateActivity(ci);
    // Each customer's history in time order, so rows (and rowids) follow the timeline.
    // Stable, so the order of equal times (a transfer between two own accounts) is fixed too.
    std::stable_sort(records_.begin() + first, records_.end(),
                     [](const TxnRecord& a, const TxnRecord& b) { return a.time_us < b.time_us; });
  }
  return OkStatus();
}

void DemoBuilder::FillTransaction(const TxnRecord& r, Rng& ids, Transaction& t) const {
  const int64_t ms = r.time_us / 1000;  // times are after 1970: truncation is the floor
  const auto hi = static_cast<uint16_t>(ids.Next());
  t.id = UlidFromParts(ms, hi, ids.Next());
  t.time = Instant{r.time_us};
  const Account& a = accounts_[r.account];
  t.customer_id = a.customer_id;
  t.account_id = a.id;
  t.direction = r.direction == kIn ? "in" : "out";
  t.channel = kChannelNames[r.channel];
  t.amount_minor = r.amount_minor;
  t.currency = a.currency;
  if (r.counterparty >= 0) {
    const Party& cp = counterparties_[r.counterparty];
    t.counterparty_id = cp.id;
    t.counterparty_name = cp.name;
    t.counterparty_country = cp.country;
    t.cross_border = cp.country != "CN";
  } else {
    t.counterparty_id.clear();
    t.counterparty_name.clear();
    t.counterparty_country.clear();
    t.cross_border = false;
  }
  if (r.device >= 0) {
    t.device_id = devices_[r.device];
  } else {
    t.device_id.clear();
  }
}

StatusOr<DemoSummary> DemoBuilder::Write(storage::Database& db, const CustomerStore& store) {
  DemoSummary summary;
  Status s = db.Transact([&](Executor& tx) -> Status {
    RETURN_IF_ERROR(store.InsertProducts(tx, products_));
    RETURN_IF_ERROR(store.InsertMany(tx, customers_));
    RETURN_IF_ERROR(store.InsertAccounts(tx, accounts_));
    std::vector<Params> fx_rows;
    fx_rows.reserve(fx_rows_.size());
    for (const auto& row : fx_rows_)
      fx_rows.push_back({Value(row[0]), Value(row[1]), Value(row[2])});
    RETURN_IF_ERROR(tx.ExecMany(
        "INSERT INTO fx_rates (currency, rate_date, cny_per_unit) VALUES (?, ?, ?)", fx_rows));

    constexpr size_t kChunk = 10'000;
    Rng ids = Rng::Derived(options_.seed, 6);
    std::vector<Transaction> chunk(std::min(kChunk, records_.size()));
    for (size_t begin = 0; begin < records_.size(); begin += kChunk) {
      const size_t n = std::min(kChunk, records_.size() - begin);
      chunk.resize(n);
      for (size_t i = 0; i < n; ++i) FillTransaction(records_[begin + i], ids, chunk[i]);
      RETURN_IF_ERROR(store.InsertTransactions(tx, chunk));
    }

    std::vector<Params> planted;
    for (const Planted& p : planted_) {
      planted.push_back(
          {Value(customers_[p.customer].id), Value(PatternName(p.pattern)), Value(p.detail)});
    }
    return tx.ExecMany(
        "INSERT INTO planted_patterns (customer_id, pattern, detail) VALUES (?, ?, ?)", planted);
  });
  RETURN_IF_ERROR(s);
  summary.customers = static_cast<int64_t>(customers_.size());
  summary.accounts = static_cast<int64_t>(accounts_.size());
  summary.products = static_cast<int64_t>(products_.size());
  summary.transactions = static_cast<int64_t>(records_.size());
  summary.fx_rates = static_cast<int64_t>(fx_rows_.size());
  for (const Planted& p : planted_) ++summary.planted[PatternName(p.pattern)];
  return summary;
}

}  // namespace

StatusOr<DemoSummary> GenerateDemoInstitution(storage::Database& db, const CustomerStore& store,
                                              const DemoOptions& options) {
  if (options.customers < 1 || options.customers > 1'000'000) {
    return InvalidArgument("demo customers must be between 1 and 1000000, got " +
                           std::to_string(options.customers));
  }
  const CivilDate& d = options.last_day;
  if (!CivilDate::Make(d.year, d.month, d.day).ok() || d.year < 2000 || d.year > 2200) {
    return InvalidArgument("demo last day " + d.ToString() + " is not a date in 2000-2200");
  }
  DemoBuilder builder(options);
  RETURN_IF_ERROR(builder.Build());
  return builder.Write(db, store);
}

}  // namespace finguard::customers

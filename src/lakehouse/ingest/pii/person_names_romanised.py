"""Common given names and surnames of languages Faker writes in their own script, romanised (Japanese
Hepburn, Chinese pinyin and Cantonese/Taiwanese spellings, Korean), from public lists of frequent names.
person_names.py adds them, and Faker's own romanised ja_JP/zh_CN/zh_TW lists, to person_names.json; and the
Cyrillic and Greek transliteration that puts Faker's Russian, Ukrainian, Bulgarian and Greek names in Latin
letters too (names.py reads Cyrillic and Greek headers through it)."""

from __future__ import annotations

from typing import Final

JAPANESE_FIRST: Final = """
hiroshi takashi kenji yuki yui hina haruto sota yuto ren riku kaito takumi daiki kenta masaru shota ryota naoki
kazuki yusuke daisuke kohei takuya tomoya yuta haruki sora minato aoi yuna himari sakura mei rin miyu mio koharu
hana akari saki nanami ayaka misaki haruka yuka mika emi keiko yoko akiko tomoko kyoko naoko yumi mayumi noriko
michiko sachiko hiroko junko megumi kaori asuka chihiro erika hitomi kana mai nao natsuki rika risa sayaka shiori
yoshiko kazuko fumiko hideo ichiro jiro saburo kazuo makoto minoru osamu satoshi shigeru tadashi takeshi tetsuya
toshiro yoshio yukio akio masahiro nobuo shinji tatsuya kotaro yamato hayato itsuki hinata asahi kosuke shun sho
tsubasa ryo kei jun haru tomohiro hiroki yoshiki kentaro shintaro keita ryosuke shunsuke yuichi koichi shinichi
kenichi eiji goro hikaru isamu kiyoshi mamoru noboru susumu tsutomu yutaka akane ami kanon momoka nozomi reina
sumire tsumugi ema rio riko honoka ayane yua mitsuki wakana masato masaki hideki yoshihiro kazuhiro toshiyuki
nobuyuki hiroyuki takahiro akihiro yasuhiro tomoyuki kazuya yuya yuma sosuke ryusei taiga kota yuito aoto
emiko haruna marina nanako yuko reiko setsuko chiyo hanako
"""
JAPANESE_LAST: Final = """
sato suzuki takahashi tanaka watanabe ito yamamoto nakamura kobayashi kato yoshida yamada sasaki yamaguchi
matsumoto inoue kimura hayashi shimizu yamazaki mori abe ikeda hashimoto yamashita ishikawa nakajima maeda fujita
ogawa goto okada hasegawa murakami kondo ishii saito sakamoto endo aoki fujii nishimura fukuda ota miura fujiwara
okamoto matsuda nakagawa nakano harada ono tamura takeuchi kaneko wada nakayama ishida ueda morita hara shibata
sakai kudo yokoyama miyazaki miyamoto uchida takagi ando taniguchi ohno maruyama imai takada fujimoto takeda
murata ueno sugiyama masuda sugawara hirano kojima otsuka chiba kubo matsui iwasaki sakurai kinoshita noguchi
matsuo nomura kikuchi sano onishi sugimoto arai hamada ichikawa furukawa mizuno komatsu shimada koyama takano
yamauchi nishida kitamura hoshino yasuda kawaguchi tsuchiya oshima nagai okabe hirata kawasaki iwata honda
yoshimura kuroda oda matsushita mochizuki higuchi ishihara nakanishi tsuji nishikawa kawamura fukushima sugita
hattori aoyama hirose ozawa nagata kurosawa yoshikawa takayama watanuki nakata uchiyama kaneda miyake tsukamoto
"""
CHINESE_FIRST: Final = """
wei fang xiuying jing qiang lei jun yang yong yan jie juan tao ming chao xiulan xia ping gang hui hong hua ling
lin mei ying xin xinyi yuxuan zihan haoran yichen zixuan yutong jiahao junjie zhiwei jianguo jianhua xiaoming
xiaohong xiaoyu lili jingjing tingting wenjun weiwei haoyu ruoxi shuang qing yun bin hao kai lan rui shu wen xue
zhen zhi zhong dan guang hai jian kun peng qi ran ting xiang yao yue zhe zheng jia jiayi mingyu haoyang yiming
zhiqiang guoqiang xiaolong xiaojun wenwen yuqing siyu shiyu muchen zhihao yuhang xiaoyan xiaoli meiling
"""
CHINESE_LAST: Final = """
wang zhang liu chen yang huang zhao zhou xu sun zhu hu guo gao lin luo zheng liang xie tang han feng deng
cao peng zeng xiao tian dong pan yuan cai jiang du ye cheng wei su lu ding ren shen yao jin qiu qiao fu fan
fang bai cui kang mao qin shi gu hou shao meng wan duan qian yin yi chang wen hao kong xue lai gong tao xia zou
xiong jia dai ou ouyang situ zhuge chan wong cheung lau leung ho ng lam chow tsang yeung tse kwok fung lo mak
tam yip chu hsu tsai chou chiang hsieh kuo hung tseng liao chuang lee chiu tsui siu szeto
"""
KOREAN_FIRST: Final = """
minjun min-jun seoyeon seo-yeon jihoon ji-hoon haeun ha-eun doyun do-yun seojun seo-jun jiwoo ji-woo minseo
min-seo yejin ye-jin subin su-bin hyunwoo hyun-woo jaehyun jae-hyun jiho ji-ho eunji eun-ji soojin soo-jin
youngho young-ho sangwoo sang-woo donghyun dong-hyun junho jun-ho sungmin sung-min hyejin hye-jin jiyeon
ji-yeon minji min-ji yuna yu-na jimin ji-min taeyang tae-yang seunghoon seung-hoon kyungsoo kyung-soo jisoo
ji-soo minho min-ho jiwon ji-won hyunjin hyun-jin seungmin seung-min yerin ye-rin chaeyoung chae-young
"""
KOREAN_LAST: Final = """
kim lee yi park pak choi choe jung jeong chung kang cho jo yoon yun jang lim im han oh seo shin kwon hwang ahn
song yoo hong jeon moon yang son bae baek heo nam noh roh ha kwak sung cha joo woo min ryu yoo na jin eom chae
won chun bang gong hyun byun yeo chu seok pyo myung ban geum
"""

ENGLISH_SYLLABLES: Final = frozenset(["ban", "bang", "bin", "chin", "chu", "ding", "fan", "gang", "gong", "hang",
    "hao", "hung", "jin", "kan", "kun", "lai", "lee", "ling", "long", "lung", "mat", "mei", "min", "nam", "pan",
    "pei", "ping", "shin", "shu", "song", "sun", "sung", "tai", "tan", "tang", "tao", "ten", "ting", "tung", "wan",
    "won", "yang", "yen", "yin", "zen"])


def romanised_names() -> tuple[set[str], set[str]]:
    """(first names, surnames) from the lists above."""
    first = set(f"{JAPANESE_FIRST} {CHINESE_FIRST} {KOREAN_FIRST}".split())
    last = set(f"{JAPANESE_LAST} {CHINESE_LAST} {KOREAN_LAST}".split())
    return first, last


# Cyrillic and Greek names as the passports and Latin-script forms of those countries write them.
_CYRILLIC: Final = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґ",
                            ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p",
                             "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya",
                             "i", "yi", "ye", "g"], strict=True))
_BY_LOCALE: Final[dict[str, dict[str, str]]] = {
    "ru_RU": {}, "uk_UA": {"г": "h", "и": "y", "х": "kh"}, "bg_BG": {"щ": "sht", "ъ": "a", "х": "h"},
}
_GREEK: Final = dict(zip("αβγδεζηθικλμνξοπρσςτυφχψωάέήίόύώϊϋΐΰ",
                         ["a", "v", "g", "d", "e", "z", "i", "th", "i", "k", "l", "m", "n", "x", "o", "p", "r", "s",
                          "s", "t", "y", "f", "ch", "ps", "o", "a", "e", "i", "i", "o", "y", "o", "i", "y", "i", "y"],
                         strict=True))
TRANSLITERATED_LOCALES: Final = ("ru_RU", "uk_UA", "bg_BG", "el_GR")


def transliterate(name: str, locale: str) -> str:
    """``Олена`` -> ``olena`` (uk_UA), ``Γιώργος`` -> ``giorgos``: a lower-case Latin form of a name."""
    table = _GREEK if locale == "el_GR" else {**_CYRILLIC, **_BY_LOCALE.get(locale, {})}
    return "".join(table.get(c, c) for c in name.lower())


def header_transliteration() -> dict[int, str]:
    """A ``str.translate`` table reading Cyrillic and Greek header letters in Latin ones (Russian spelling)."""
    table = {**_CYRILLIC, **_GREEK}
    return {ord(c): latin for char, latin in table.items() for c in {char, char.upper()} if len(c) == 1}

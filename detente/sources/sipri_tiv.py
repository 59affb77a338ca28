"""SIPRI Arms Transfers Database: trend-indicator values (TIV) of deliveries, 1950-2021.

Two forms of the same deliveries are declared. The 134 raw "TIV of arms exports" tables
(one per supplier, recipient x year, as SIPRI's trade-register export generates them) feed
detente's engagements; 360info's processed supplier-recipient-year file is kept only as a
cross-check, because it drops 901 deliveries (West Germany before 1991, deliveries to states
before independence, a few others) and codes rebel groups with their host state's COW code.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import duckdb
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from detente._errors import SchemaViolation, Violation
from detente.sources._declare import Column, Source, SourceFile, Table
from detente.sources._origins import SIPRI_360, at

FIRST_YEAR, LAST_YEAR = 1950, 2021

# (SIPRI's abbreviation in the file name, the supplier as the file's title names it, sha256).
# A test checks each title line against the name here.
EXPORTERS: tuple[tuple[str, str, str], ...] = (
    ("ALB", 'Albania', "2bf90470e22d71885aa92dd80b280ee05a017cea4b2808d66576be33dc403f08"),
    ("ALG", 'Algeria', "84a38148242643bde8fae127a148cfcd7ff9870fef6a6b37d22df44f04ae58fe"),
    ("ANG", 'Angola', "37043ea2f462d1a7276f27c2ce7eeff919c19c58380e048b553bc1748946098b"),
    ("ARG", 'Argentina', "97ef1eed30332578fd0d1291b5faff8c490ff34fbea1025bbab61428f33f05cd"),
    ("ARM", 'Armenia', "5eadf467b836309f0e2e4ef241796049ee6765685d88b891b0d7cbfa3cd80fe1"),
    ("ARU", 'Aruba', "c61278d1ab55a0652a14606eb38a47e1477f2f9fb0b64dc692163af6e0da81eb"),
    ("AST", 'Austria', "9929cc053f2e846ea4e977322eb9e7aeeed638b931f634a85aedba65fa6ca212"),
    ("AUS", 'Australia', "c2edcc982a0d03e0a84f0f499a6c327f1209122d60d21c791e61391621a82b53"),
    ("BAH", 'Bahrain', "4d7341b67502f8be64f170ba4500d94c0fc8a8bf01b3fefe51d72d9a86a43038"),
    ("BAN", 'Bangladesh', "1c83fc4f52344dda9e6969fb83b8b73673153b61cba2b1e63a23f1c567903492"),
    ("BAS", 'Bahamas', "885e78fbbf56d43d16dd54fd3ae791e1b2e856e0626ae1be62474c0a112edbb7"),
    ("BEL", 'Belgium', "33e413c11ba59be9082b832f7e8e148b9fd23a2b1aa70c65a9486633d509807b"),
    ("BLR", 'Belarus', "078f290883c0b12f7dbc373616c88297a20602c2a4c7339c5174eb2fca43c72a"),
    ("BOS", 'Bosnia-Herzegovina', "4dc2a64013c888c838ed3a6f9d15b35ad846eed2959651d449c935369d043109"),
    ("BRA", 'Brazil', "19b1808ffcfc50664263aa10ecb8441097117a30373b8dce4f39740ddba94eed"),
    ("BRU", 'Brunei', "7a26b9c00a1608918338be10c5e0bfbcb12978afabe11975f528830b5f8e056e"),
    ("BUL", 'Bulgaria', "038cf43118ae32de05af6a71752ca5d89be90a397e8bcc33c8eb43adc4f5ef10"),
    ("CAN", 'Canada', "bf95aa790dfc57dfc9821ad7081ce69d2cb5e5dd3c4c741127c61f7dbd34442a"),
    ("CHA", 'Chad', "64e5abeeba15289a53ccfacc824c589b6fc3a811ef56e2874970a92acb872ed9"),
    ("CHE", 'Chile', "42cf60674a3e32b7a19509bdeb8f62424ab7b38e5ee4f0c02e4ad99690106f0e"),
    ("CHI", 'China', "13e4aae23f6c8b5d927aed19def465b1fa555e4b61c7e11ff94f4dcd84b1f4d5"),
    ("CMB", 'Cambodia', "2627e78d4af71e2690a61a7cf3ab5a41b285fab259a5633c9a4741c8ab9f19ca"),
    ("COL", 'Colombia', "9c259e542f50697a1f7c8263f584cbadfd53b7c0f9ae0b75ec9e2c218886e1bd"),
    ("COS", 'Costa Rica', "1091f589415310b1c72dafeb6e2b0806ebc4050cad5bf76b335e67982e1e8233"),
    ("CRO", 'Croatia', "90ae7d2e3b0bc7db26c879ae18bb82e31c2bf440d768cf91a055cd94b654d777"),
    ("CUB", 'Cuba', "fe90decc79c8133dd45ff972ac4bc7d46c0df55fee0266f1a9686983b36b4e86"),
    ("CYP", 'Cyprus', "de9a0526615902429098da907de5f35d82e91aff83294741a237b1792113f8f5"),
    ("CZE", 'Czechoslovakia', "7415a98cc47d51836e407134e918fc940f792a0488af441ed0c2829aec0da1ae"),
    ("CZR", 'Czechia', "5ad042eecdd2834a934d4329e9b7a22c8fe6100225b8400582454cbd7ce9c992"),
    ("DEN", 'Denmark', "b1ec696309da653a682c4c0642339625d541dfbc60cbfcaa5525ca7cc53e9657"),
    ("DOM", 'Dominican Republic', "0039d957bd290140f38c46f8cef5307a313a162c6eff90066397ff8f5a865a61"),
    ("DRC", 'DR Congo', "4267da601f3b08b06366e6cd02c19c99d6d8148a9b8cc3c07215a1fbad621bd5"),
    ("ECU", 'Ecuador', "babc847ded9878b7e1125fa0fb84babe68a5503dd15aa18aa7b0d8e1de5a4bb9"),
    ("EGY", 'Egypt', "5bbd23d73a49c1d69bea0b807fd6aad15ffaeba0607a9ec3629c2c4926f882e3"),
    ("ERI", 'Eritrea', "800974b9b7035238f1edebe9ed6f7a302b9cac3cd58663ec670b22b9d54674e1"),
    ("EST", 'Estonia', "17dbfbcbb2b04d527fe98f47b8e770b41457cc6c68105487f89a348fe3eb26b8"),
    ("ETH", 'Ethiopia', "0c66332ab97ff718fc2da7335fa16449fbb50d3352841c82f1adb607a50c2d5e"),
    ("EU", 'European Union**', "5a0f0688126703de3469cb64970ee3bd4a63e23017655f4c4696cfdcfd4d692c"),
    ("FIN", 'Finland', "c6b5692224e7a174469d943e88f4d3fd23ad13f3afb4bcc7d784b0084dbebf47"),
    ("FJI", 'Fiji', "c9d608893bef20e681b66793b16135944c29067b1f348044552865c087c311b7"),
    ("FRA", 'France', "995c5588c4f732ddf53bbddfcc84d4eab3126b296040c4881231202afbb16147"),
    ("FRG", 'Germany', "361381b71ecd000e525fdea9af8a0290fe1407c324eb974106c0962e27be505c"),
    ("GAB", 'Gabon', "55b510bbbd151451a8002c9199fbd46b344f5a13129755b7da70a7ecff909fb6"),
    ("GDR", 'East Germany (GDR)', "c9be1250faf1674a3b3e958727127939a6ce95c7e0a35a600c4eee0db166b104"),
    ("GEO", 'Georgia', "4071ed57e295758b9cb8ab851824991dc9ba889cb746316facd544270890ba4d"),
    ("GHA", 'Ghana', "bde39fb97151c37123348e2508b546910424e08da3d4b3d1d35528511836a45c"),
    ("GRE", 'Greece', "0c506882c4b00cd6973e420a20435cc2bb7f9c45b3c31c55f26305764dc1af02"),
    ("GUA", 'Guatemala', "4ce557c3370777f0019090c68468d783ae41d2d5110fecef9782c750b6e243ed"),
    ("GUY", 'Guyana', "fd3edaabe53f20a2c8c0384faf32aaf99bf90a3df0757d248c531bc61283547a"),
    ("HUN", 'Hungary', "0a9c313b4bd11b8d57b94179c65ad2e8acb022af4588a05a54368c6049070649"),
    ("ICE", 'Iceland', "55a52da7d8f12b08b2a98a07e581e053d00ba1f30f8a3c5f3c51ac31f1b335b9"),
    ("IND", 'India', "8f07f5c4cc74ade02412e14ac9307f4fb2ce1dd2bf904584bc64d0def5335cbf"),
    ("INS", 'Indonesia', "990475fa2f6486c94756d14379df250b55f0cd5cfca60bd2611ddc3e98d71c5c"),
    ("IRA", 'Iran', "3acc2cc13d3a3bea0dd69f0c248be8ee39603eafa1e2f1862b05bcebfd435843"),
    ("IRE", 'Ireland', "65122300b572dcaf95dc299f3e31422e6c72e7beed3783a8229dd4bebc4edb17"),
    ("IRQ", 'Iraq', "341e5d5146f29f55a075e6606344422b402cbddf7aff3a5ee094b06618b380e6"),
    ("ISR", 'Israel', "74b838f4d6fe973721f034e3bf4cde47832a0b5aeed449a2a32f828699faf96e"),
    ("ITA", 'Italy', "1978ffe7616ebfb49ff8e59ec63c7a18e52f10d810e4d0d8d1d29570e20ac6a2"),
    ("IVO", "Cote d'Ivoire", "55a5ef65a494df1d17ed32d0b795d9da2aa9995df27dce61f4b1af01b6aeee58"),
    ("JAP", 'Japan', "485916c7db6a6d8b74fb614bf3c47c8d0af4a60f9ff078c9cc63259f5a80b2dc"),
    ("JOR", 'Jordan', "467d75a639322718acfd912b32db6a395a20dbb5f0d961a21107ad5c6fe23e1d"),
    ("KAZ", 'Kazakhstan', "2aa86812daa26ccae65e2f70a503fa525562848c419c8a42160e70664ba4a9e0"),
    ("KEN", 'Kenya', "609cb3cab3491e68c7150dd407e04cabc19540237b26bdc02263e330482c3a0c"),
    ("KON", 'North Korea', "8ceb8dbffb4864c517ae247434e1ae3373d8dfc9cce5c70eab6780b9d1b65045"),
    ("KOS", 'South Korea', "575e565c8a8ef04d4122cbcb16dc2065b9cb2cf8f470b7546683be31110f5c5e"),
    ("KUW", 'Kuwait', "3f96c4f073acaf0eccabafbfc09f3a012d8978346f15fffdafe5fc008abc886e"),
    ("KYR", 'Kyrgyzstan', "814c5349c10c66a6ed2d8b9ec83eacc5bbd1ce799901f5fe3a83032d55ab3d71"),
    ("LAT", 'Latvia', "0fdf5a30d0d0a139821e77d9b1a7615da8e7438b3af61be0ee0fb22a16674a3c"),
    ("LEB", 'Lebanon', "e14a2d2b9735fb8adc7cec42d5dc6f00503d6a935364091694d4682ed0623f53"),
    ("LIT", 'Lithuania', "b390fd8d3e0b6fc51ad6fba2ee3ef988bc33d49494cd5cdd50e4b7023d3f5127"),
    ("LUX", 'Luxembourg', "a4ffb71ceb8ba6812cad379a9c8348cab1e90e21567b8d1877283660c7aa5e1d"),
    ("LYA", 'Libya', "c08418ec021891c945a3637d40e6c6043b91689661a08b365f783872319f6bbe"),
    ("LYE", 'Libya HoR*', "41284c7f5d662654ef69130d0d37497b32c1b6f2fd225f612b7af73ef08f9d1f"),
    ("MAL", 'Malaysia', "bdd0f2dd67fce3f6c521ad5e10ebc2c2ebe5fa318767a6653e1e0f88142b09a4"),
    ("MEX", 'Mexico', "c88842e583b5a089c34becba99d2cd24bd0e1d5b7dd48f0c8c39db5169eb9b51"),
    ("MOL", 'Moldova', "d5491ecb2a5686c1824b32261b30c51fd74fbc9b3bb6261c191c7b9cf4253b6d"),
    ("MOR", 'Morocco', "e8990637c4ff4d955fafc2503a5c7c7b0349c0115edd677f1a973532df40b3b6"),
    ("MOZ", 'Mozambique', "95167af60a8d598b9608706883345e62806be57b14ebc4388125479eccb31e2b"),
    ("MTA", 'Malta', "b8903f633db431c601d4f13334aca2355b099b6964fbbdce36a94c615d4eb0ac"),
    ("MTG", 'Montenegro', "0957c15dd5386f940d39c4bf9c4713ed1956445618f4f5dfa485f370329dd9f3"),
    ("MWI", 'Malawi', "712a1d5ae8b69e5b61179f2813d5da400f88e9abaeb4d4cdce6f495d3ed61a41"),
    ("NET", 'Netherlands', "17094913a7f2bd46f2084a190dcea6c46a2753ddc817ca6cd794f42a5687f12e"),
    ("NIC", 'Nicaragua', "dba123a030187f514c156313842c84bafea4f700e9a2305ea995966d16d3c1b7"),
    ("NIG", 'Nigeria', "056e5c87370e0e06635ece1bb483b056214061c5ec1ee1b075c5223fea309f50"),
    ("NIR", 'Niger', "8bc6dc3615602d8df6c9605edeba711bf02b23498adfa41ca70ac2ad13651561"),
    ("NOR", 'Norway', "52267324aceeb76c0beca14d888ffaf35624947a20925ad2df4e24c21155fa7d"),
    ("NZ", 'New Zealand', "c75e18011b499a77b0e0721aa4a1505584b6b0f46196d2903c7b172395ed9ab2"),
    ("OMA", 'Oman', "d9888d9ba992026539f224c09ae0f5b01694f47755addd3fcd2904a4393519f8"),
    ("PAK", 'Pakistan', "726469c99c5df0b20ff824c6bc997543994d981e1b629fd3686d4782c8355d69"),
    ("PAN", 'Panama', "ac311624ebfe96e84558059d63ed16355b81c1ff08156b2f91742c65dba53f3a"),
    ("PER", 'Peru', "f30e1222330e27de1c44133c66c368f9b2c0211c508aae212bad9e888f28742e"),
    ("PHI", 'Philippines', "6dbcb68cb2e86ce02e02afdfa29e59c01374640807ffd73c4ae89bc8be0327ec"),
    ("POL", 'Poland', "c4d313313333f146697bbde33679524434494dbaf0e2958eabc9e53c6efbef4f"),
    ("POR", 'Portugal', "2c823d6b22ae66784dc10157238aa514819d16b695e7e9481fbcd746f0c997a7"),
    ("QAT", 'Qatar', "70b1e963a9b3171b6f6b7a96a16ed0207c7f6ef60f5efe374d45a305d7ce136a"),
    ("ROM", 'Romania', "2462afd275ed4d9f61529680f38b471ea393ecb5b496f0568a4a6b16fa911277"),
    ("RUS", 'Russia', "4466688b51cd5073883ef0e049ff86b2f19ff23c646273e8eb63dc4e4199006e"),
    ("SA", 'South Africa', "9df80f6579e1fd9445c74cba62c39ae2c86e63b5a1c3dd8681bf08a4fe293ad6"),
    ("SAU", 'Saudi Arabia', "8fe83f1aa029f25c4be692f5b0af1c9d06622b58bce423dba6f1937da34336e3"),
    ("SEN", 'Senegal', "60a5608e6b940575a85f854c7ea3572f9b3d1149879428d4b442912fce54bcb0"),
    ("SER", 'Serbia', "893241229f66dca26b03aa06e83763be1484ce8e28294b062601bc8e6ae07500"),
    ("SEY", 'Seychelles', "37f37cde3eba629364f35a9127cf8566edda32d87fa70fa6a75b2a0003e41fe2"),
    ("SIN", 'Singapore', "7365c64bb9ee86170f598baf4f25ea2f756eeca7bee72bd104b841ef92014076"),
    ("SLK", 'Slovakia', "500b0d94144bbd1b55fbc821ff53c3d13b2f935dfefc3447708c9e63dd3c0a06"),
    ("SLO", 'Slovenia', "dc0c178d2a9fa33d777bd9dcffb155588b018647e1587081e4ed0b38e281b066"),
    ("SPA", 'Spain', "3c860a5f71c606043d1e16d3814d91fc408f2a78d643bcc3d06f4be47ce4bd37"),
    ("SRI", 'Sri Lanka', "e7baf97a0d4cdc19c296acd69916d75224cae258c59ee550e2712e99a56a30ef"),
    ("SUD", 'Sudan', "9311c24dc06896041d3574e329fc44bc219253d61e9b4713fc147473b2b1f8ee"),
    ("SWE", 'Sweden', "267115a5cbb8612e12bd91b355268b8f635120451d949d0911de61123687e64d"),
    ("SWI", 'Switzerland', "37d0a809f274b3e4ba97b5cd1935908b1a15e0c130f1bc09be5ce6aac15f0226"),
    ("SYR", 'Syria', "378ec39601ddc804b7b2c632f1922896ff8c5cd10f39fc377097aaa8a77f817a"),
    ("TAI", 'Taiwan', "a2215c0baa86fe5dc89132cbb7af3718ce5882c5f6603dea44efa118981945e5"),
    ("THA", 'Thailand', "8a0c6d4162d8fedf49278752688c5d0673f28cb027cd314fcbf0710cf2e3a792"),
    ("TUR", 'Turkey', "2c39a4faa08e050fc9d730b3e1092819891aa2592414116102b9c298c10c5c18"),
    ("UAE", 'UAE', "9be35ccbdf1dcc077d73df3ca564abfa2dad8ad400b3f38046f661e9baad56de"),
    ("UGA", 'Uganda', "05bdd10840a8f9d4884447fd3868d8e208108c1027582d7bc78e777a6286c471"),
    ("UK", 'United Kingdom', "2550d810ed73869eadcedab3803eb8457f715539f9dff5ddaa18591d707a42d0"),
    ("UKR", 'Ukraine', "f70bf47509b721d1131f021216a927d218e44c56df5da87153b3096912746326"),
    ("UNO", 'United Nations**', "ae55bbe7df59a4f81b1419fae2919aaa355e750d369f67ca8bd7fb20d2055e19"),
    ("URU", 'Uruguay', "447db9d21bcd333529a25d2d3318d3d68f63d396649012d32e63d0af0f6068f8"),
    ("USA", 'United States', "a191c4672b39a05b32556910cc7163e6b34c826f8ef3782b9b14561e2920d495"),
    ("USR", 'Soviet Union', "23b364e155eb29e2ccd9c27da13f786eca6379ac2333313d0cf1f26da5831d7b"),
    ("UZB", 'Uzbekistan', "1cc31b81616d1eaba0a0575ccd75db31e35a4eeb356352eed1b5dc32a24a71d3"),
    ("VEN", 'Venezuela', "4c8f1066ee0f11ceade000e1ccd40e602eaea5bfce8aa5a8fc2d842a368a676c"),
    ("VN", 'Viet Nam', "51e67c8e70bfdb1965fcde3a1e95a0c0e1c39906b840760aaab6ea1d47111ed1"),
    ("VNS", 'South Vietnam', "7360b0606167202e9f9b7d0bd2dde627bd01eaeb49c927892c70d6cb986eabec"),
    ("XAM", 'Mujahedin (Afghanistan)*', "d548df88bc3b66531c988a37d162aca9d0a5cdf5d7e34b92314badf1917cf0cd"),
    ("XSF", 'FMLN (El Salvador)*', "5d1fba8113b92b83a8c674be3ea579da150244f592f29c5b6b1d3513f4e6cc78"),
    ("XXS", 'Unknown supplier(s)', "fb0c99ba6da0e89e5c512143dd243402d2a27ec5d372a6ac31bc28f815747713"),
    ("YEN", 'North Yemen', "966eef27eb7ec809ddba2dcf8a4e1c7a84bf1aa6cf0c9c12ea63e56e7618aca1"),
    ("YES", 'South Yemen', "7cea675a6692aca591a16555cbd4e3a4c2ff0531f5685971e6f814705db36edf"),
    ("YUG", 'Yugoslavia', "3be6a971147c780e6856e165e0d3eaae176855f2ffe4ce28c8dd8801f92e69d6"),
    ("ZAM", 'Zambia', "d94a189770e9ce6b2136460a86e25f4dd8adefbc68d2fc7f889b2017f40fb96c"),
    ("ZIM", 'Zimbabwe', "e7d003d4f5802e6efa0eff33109b1fc69ad05f23edc25d6db38442ddf755046e"),)

_TITLE = re.compile(r'^"?TIV of arms exports from (.+), 1950-2021"?')


def raw_file(abbrev: str) -> str:
    return f"TIV-Export-{abbrev}-{FIRST_YEAR}-{LAST_YEAR}.csv"


def _wide(abbrev: str, supplier: str, lines: pa.Table) -> pa.Table:
    """One exporter's table as published (recipient, 1950 ... 2021, Total), as text.

    Line 11 is the header. The separator line of commas before ``Total`` carries one comma
    more than the rest, so lines holding nothing but commas are dropped before parsing;
    every kept line keeps its line number as ``_row``.
    """
    body = lines.filter(pc.and_(pc.greater_equal(lines["_row"], 11),
                                pc.invert(pc.match_substring_regex(lines["line"], r"^,*$"))))
    text = "\n".join(body["line"].to_pylist()).encode()
    names = ["recipient", *map(str, range(FIRST_YEAR, LAST_YEAR + 1)), "Total"]
    wide = pacsv.read_csv(
        pa.BufferReader(text),
        pacsv.ReadOptions(column_names=names, skip_rows=1),
        convert_options=pacsv.ConvertOptions(column_types=dict.fromkeys(names, pa.string()),
                                             null_values=[""], strings_can_be_null=True),
    )
    n = wide.num_rows
    return (wide.append_column("supplier", pa.array([supplier] * n, pa.string()))
            .append_column("file", pa.array([raw_file(abbrev)] * n, pa.string()))
            .append_column("_row", body["_row"].slice(1)))


def _melt(wide: pa.Table) -> tuple[pa.Table, pa.Table]:
    """Deliveries (non-blank cells) and the Total rows (blank is 0), long, in one query each."""
    years = ", ".join(f'"{y}"' for y in range(FIRST_YEAR, LAST_YEAR + 1))
    blank_is_zero = ", ".join(f"coalesce({y}, '0') AS {y}" for y in years.split(", "))
    con = duckdb.connect()
    con.register("wide", wide)
    con.execute("CREATE TEMP VIEW cells AS SELECT * EXCLUDE (\"Total\") FROM wide "
                "WHERE recipient <> 'Total'")
    con.execute(f"CREATE TEMP VIEW total_row AS SELECT supplier, file, _row, {blank_is_zero} "
                "FROM wide WHERE recipient = 'Total'")
    long = con.sql(
        f"SELECT supplier, recipient, year, tiv, file, _row "
        f"FROM (UNPIVOT cells ON {years} INTO NAME year VALUE tiv) WHERE tiv IS NOT NULL"
    ).to_arrow_table()
    totals = con.sql(
        f"SELECT supplier, year, total, file, _row "
        f"FROM (UNPIVOT total_row ON {years} INTO NAME year VALUE total)"
    ).to_arrow_table()
    con.close()
    return long, totals


def prepare(raw: Mapping[str, pa.Table]) -> dict[str, pa.Table]:
    """Melt the 134 wide exporter tables into ``deliveries`` and ``supplier_totals``."""
    tables, problems = [], []
    expected = ",".join(["", *map(str, range(FIRST_YEAR, LAST_YEAR + 1)), "Total"])
    for abbrev, supplier, _ in EXPORTERS:
        lines = raw[abbrev]
        title = _TITLE.match(lines["line"][0].as_py() or "")
        if title is None or title.group(1) != supplier:
            problems.append(Violation(raw_file(abbrev), 1, None,
                                      f"title does not name the supplier {supplier!r}"))
        elif lines.num_rows <= 10 or lines["line"][10].as_py() != expected:
            problems.append(Violation(raw_file(abbrev), 11, None,
                                      "header is not ',1950,...,2021,Total'"))
        else:
            tables.append(_wide(abbrev, supplier, lines))
    if problems:
        raise SchemaViolation(problems, len(problems))
    deliveries, totals = _melt(pa.concat_tables(tables))
    return {**raw, "deliveries": deliveries, "supplier_totals": totals}


_YEAR = dict(dtype="INTEGER", nullable=False, min=FIRST_YEAR, max=LAST_YEAR)

SOURCE = Source(
    id="sipri_tiv",
    title="SIPRI Arms Transfers Database: TIV of arms exports",
    producer="Stockholm International Peace Research Institute (SIPRI)",
    version="2022-07-28",
    homepage="https://www.sipri.org/databases/armstransfers",
    citation=(
        "SIPRI Arms Transfers Database, Stockholm International Peace Research Institute, "
        "trend-indicator value tables generated 28 July 2022; as committed by 360info "
        "(report-arms-trade, 2022)."
    ),
    bibtex="""@misc{sipri2022tiv,
  author = {{Stockholm International Peace Research Institute}},
  title = {{SIPRI} Arms Transfers Database: Trend-Indicator Values of Arms Exports, 1950--2021},
  year = {2022}, note = {Tables generated 28 July 2022},
  howpublished = {\\url{https://www.sipri.org/databases/armstransfers}}
}""",
    license="custom",
    terms='Free to use with the attribution "SIPRI Arms Transfers Database"; 360info\'s '
          "processed file is CC BY 4.0.",
    files=(
        *(SourceFile(abbrev, f"sipri_arms_transfers/trademap-raw/{raw_file(abbrev)}",
                     at(SIPRI_360, f"data/trademap-raw/{raw_file(abbrev)}"), sha, "text")
          for abbrev, _, sha in EXPORTERS),
        SourceFile("processed", "sipri_arms_transfers/sipri-exports-processed.csv.gz",
                   at(SIPRI_360, "data/sipri-exports-processed.csv"),
                   "07bb55395106ab6bda65d6379bef8ffbfbc036a8ce8e607f0759baf5496f1958", "csv"),
    ),
    tables=(
        Table(
            "sipri_tiv", "deliveries",
            (
                Column("supplier", "VARCHAR", nullable=False,
                       description="Supplier as SIPRI names it (the file's title)."),
                Column("recipient", "VARCHAR", nullable=False,
                       description="Recipient as SIPRI names it; * marks a non-state armed "
                                   "group, ** an international organisation."),
                Column("year", **_YEAR),
                Column("tiv", "DOUBLE", nullable=False, min=0,
                       description="Deliveries in TIV millions; 0 means more than 0 but less "
                                   "than 0.5 million."),
                Column("file", "VARCHAR", nullable=False,
                       description="The raw table the cell comes from (source_row is its line)."),
            ),
            key=("supplier", "recipient", "year"),
            description="One row per non-blank supplier-recipient-year cell of the raw tables.",
        ),
        Table(
            "sipri_tiv_totals", "supplier_totals",
            (
                Column("supplier", "VARCHAR", nullable=False),
                Column("year", **_YEAR),
                Column("total", "DOUBLE", nullable=False, min=0,
                       description="A blank Total (no deliveries that year) is 0."),
                Column("file", "VARCHAR", nullable=False),
            ),
            key=("supplier", "year"),
            description="The Total row of each raw table: SIPRI's rounded per-year total.",
        ),
        Table(
            "sipri_tiv_processed", "processed",
            (
                Column("supplier", "VARCHAR", nullable=False),
                Column("recipient", "VARCHAR", nullable=False),
                Column("year", **_YEAR),
                Column("tiv", "DOUBLE", raw="value", nullable=False, min=0),
                Column("supplier_cown", "INTEGER", min=1, max=999),
                Column("recipient_cown", "INTEGER", min=1, max=999),
            ),
            key=("supplier", "recipient", "year"),
            description="360info's supplier-recipient-year file (cross-check only).",
        ),
    ),
    unit="directed_dyad_year",
    system="names",
    coverage=(FIRST_YEAR, LAST_YEAR),
    missing_values="A blank cell is no delivery and yields no row; '0' is a delivery below "
                   "0.5 TIV millions and is kept as 0.",
    notes=(
        "TIV is SIPRI's volume index of military capability transferred (constant 1990 "
        "prices), not the financial value of a sale. SIPRI rounds each cell and each total "
        "separately ('figures may not add up due to the conventions of rounding'): in 848 of "
        "9,648 supplier-years the published Total differs from the sum of the rounded cells, "
        "by at most half a million per non-blank cell. Recipients and suppliers are names; "
        "detente maps them to COW codes or registered actors with a reviewed table "
        "(detente/actors/name_map.csv). 'Germany' means West Germany before 1991."
    ),
    prepare=prepare,
)

"""Hand-written pools for held-out round 14 (evalgen_round14.py): given names, surnames, streets, towns.

Written from general knowledge of the countries, not from the detector's word lists (never opened). Faker is
not installed in this venv, so the pools are typed here; each is small but enough for 40-60 row tables.
"""

from __future__ import annotations

GIVEN = {
    "us": (
        "James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Barbara Richard "
        "Susan Joseph Jessica Thomas Sarah Christopher Karen Daniel Lisa Matthew Nancy Anthony Betty Mark "
        "Ashley Donald Emily Steven Kimberly Andrew Donna Joshua Michelle Kevin Carol Brian Amanda Tyler "
        "Brittany Jamal Keisha DeShawn Latoya Carlos Maria Jose Ana Wei Mei Priya Raj Minh Tuan"
    ),
    "gb": (
        "Oliver Amelia George Isla Harry Ava Jack Mia Charlie Sophie Jacob Grace Alfie Lily Freddie Evie "
        "Oscar Poppy Archie Ella Callum Niamh Rhys Siobhan Declan Bethan Gareth Fiona Alistair Morag"
    ),
    "de": (
        "Lukas Anna Jonas Lea Leon Hannah Finn Mia Paul Emma Felix Sophie Maximilian Marie Tim Laura "
        "Jürgen Ursula Klaus Brigitte Wolfgang Sabine Dieter Heike Stefan Petra Andreas Monika Thorsten "
        "Claudia Mehmet Ayşe Dragan Katarzyna Björn Jörg Günther Käthe"
    ),
    "fr": (
        "Gabriel Louise Léo Emma Raphaël Jade Arthur Alice Louis Chloé Lucas Léa Hugo Manon Jules Camille "
        "Jean-Pierre Marie-Claire François Hélène Benoît Élodie Thierry Sylvie Mathieu Nathalie Yannick "
        "Karima Mohamed Amélie Loïc Maëlle"
    ),
    "mx": (
        "José Guadalupe Juan María Luis Fernanda Miguel Valeria Jesús Ximena Alejandro Daniela Carlos "
        "Sofía Jorge Andrea Francisco Gabriela Ricardo Lucía Eduardo Mariana Arturo Rosa Héctor Verónica "
        "Juan_Carlos María_José Luz_María"
    ),
    "br": (
        "João Maria José Ana Antônio Francisca Carlos Adriana Paulo Juliana Pedro Márcia Lucas Fernanda "
        "Luiz Patrícia Marcos Aline Gabriel Camila Rafael Bruna Thiago Letícia Matheus Larissa Vitória "
        "Caio Gustavo Raimunda"
    ),
    "nl": (
        "Daan Emma Sem Julia Lucas Mila Levi Tess Finn Sophie Jesse Zoë Milan Sara Thijs Anna Bram Evi "
        "Ruben Lotte Joost Marieke Pieter Ingrid Willem Annelies Kees Femke Sjoerd Gerrit"
    ),
    "it": (
        "Francesco Sofia Alessandro Giulia Lorenzo Aurora Leonardo Alice Mattia Ginevra Andrea Emma "
        "Gabriele Giorgia Riccardo Beatrice Tommaso Chiara Giuseppe Rosa Salvatore Antonella Vincenzo "
        "Carmela Luca Federica Marco Elena"
    ),
}

SURNAMES = {
    "us": (
        "Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez "
        "Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris Sanchez Clark "
        "Ramirez Lewis Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill Flores Green Adams "
        "Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts O'Brien McDonald Patel Kim Chen Washington"
    ),
    "gb": (
        "Smith Jones Taylor Brown Williams Wilson Johnson Davies Robinson Wright Thompson Evans Walker "
        "White Roberts Green Hall Wood Jackson Clarke Hughes Edwards Patel Khan Murphy MacLeod Campbell "
        "Fitzgerald Ashworth Pemberton"
    ),
    "de": (
        "Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Schäfer Koch Bauer "
        "Richter Klein Wolf Schröder Neumann Schwarz Zimmermann Braun Krüger Hofmann Hartmann Lange "
        "Schmitt Werner Krause Meier Lehmann Yılmaz Kowalski Weiß Groß Köhler"
    ),
    "fr": (
        "Martin Bernard Thomas Petit Robert Richard Durand Dubois Moreau Laurent Simon Michel Lefebvre "
        "Leroy Roux David Bertrand Morel Fournier Girard Bonnet Dupont Lambert Fontaine Rousseau Vincent "
        "Muller Lefèvre Faure André Mercier Benali Nguyen"
    ),
    "mx": (
        "Hernández García Martínez López González Pérez Rodríguez Sánchez Ramírez Cruz Flores Gómez "
        "Morales Vázquez Reyes Jiménez Torres Díaz Gutiérrez Ruiz Mendoza Aguilar Ortiz Moreno Castillo "
        "Romero Álvarez Méndez Chávez Rivera Juárez"
    ),
    "br": (
        "Silva Santos Oliveira Souza Rodrigues Ferreira Alves Pereira Lima Gomes Costa Ribeiro Martins "
        "Carvalho Almeida Lopes Soares Fernandes Vieira Barbosa Rocha Dias Nascimento Andrade Moreira "
        "Nunes Marques Machado Mendes Freitas Cardoso"
    ),
    "nl": (
        "Jansen Visser Smit Meijer Bos Mulder Bakker Vos Peters Hendriks Dekker Brouwer Dijkstra Kok "
        "Jacobs Vermeulen Willems Hoekstra Koster Prins Huisman Postma Kuipers Schouten Wouters"
    ),
    "it": (
        "Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo Conti "
        "De_Luca Mancini Costa Giordano Rizzo Lombardi Moretti Barbieri Fontana Santoro Mariani Rinaldi "
        "Caruso Ferrara Galli Martini Leone"
    ),
}

NL_PREFIX = ("", "", "", "", "van", "de", "van der", "van den", "de", "van de", "ter", "den")

# Japanese, written kanji:kana (surnames, given names) and prefecture:city:district


def _fields(text: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(word.split(":")) for word in text.split())


JA_FAMILY = _fields(
    "佐藤:サトウ 鈴木:スズキ 高橋:タカハシ 田中:タナカ 伊藤:イトウ 渡辺:ワタナベ "
    "山本:ヤマモト 中村:ナカムラ 小林:コバヤシ 加藤:カトウ 吉田:ヨシダ 山田:ヤマダ "
    "佐々木:ササキ 松本:マツモト 井上:イノウエ 木村:キムラ 林:ハヤシ 清水:シミズ "
    "山口:ヤマグチ 森:モリ"
)
JA_GIVEN = _fields(
    "翔太:ショウタ 陽菜:ヒナ 大輔:ダイスケ 美咲:ミサキ 健一:ケンイチ 由美:ユミ "
    "拓也:タクヤ 愛:アイ 直樹:ナオキ さくら:サクラ 蓮:レン 結衣:ユイ 誠:マコト "
    "恵子:ケイコ 悠真:ユウマ 真由美:マユミ 隆:タカシ 花子:ハナコ 和也:カズヤ 明美:アケミ"
)
JA_PLACES = _fields(
    "東京都:世田谷区:桜新町 東京都:練馬区:石神井町 大阪府:大阪市北区:梅田 "
    "神奈川県:横浜市港北区:日吉 愛知県:名古屋市中区:栄 福岡県:福岡市中央区:天神 "
    "北海道:札幌市中央区:南一条西 埼玉県:さいたま市浦和区:高砂 京都府:京都市左京区:下鴨 "
    "兵庫県:神戸市東灘区:御影"
)

STREETS = {
    "us": (
        "Main St",
        "Oak Ave",
        "Maple Dr",
        "Cedar Ln",
        "Park Blvd",
        "Washington St",
        "Elm St",
        "Lakeview Rd",
        "Sunset Blvd",
        "Pine Ct",
        "Hillcrest Dr",
        "River Rd",
        "Jefferson Ave",
        "Highland Ave",
        "Willow Way",
        "N 3rd St",
        "W Madison St",
        "Church St",
        "Ridge Rd",
        "Prospect Ave",
    ),
    "de": (
        "Hauptstraße",
        "Bahnhofstraße",
        "Gartenweg",
        "Schillerstraße",
        "Goethestraße",
        "Lindenallee",
        "Am Markt",
        "Bergstr.",
        "Kirchgasse",
        "Mozartstraße",
        "Waldweg",
        "Friedhofstr.",
        "Rosenweg",
        "Breite Straße",
        "Ringstraße",
        "Im Winkel",
        "Wiesenstraße",
        "Sonnenhang",
    ),
    "fr": (
        "rue de la République",
        "avenue Jean Jaurès",
        "rue Victor Hugo",
        "boulevard Gambetta",
        "rue des Lilas",
        "impasse des Tilleuls",
        "rue du Moulin",
        "allée des Acacias",
        "chemin de la Croix",
        "place de l'Église",
        "rue Pasteur",
        "avenue de la Gare",
        "rue Nationale",
        "quai des Bateliers",
    ),
    "mx": (
        "Av. Insurgentes Sur",
        "Calle Morelos",
        "Av. Juárez",
        "Calle Hidalgo",
        "Calle 5 de Mayo",
        "Av. Revolución",
        "Calle Allende",
        "Privada de los Pinos",
        "Calle Zaragoza",
        "Av. Universidad",
        "Calle Niños Héroes",
        "Blvd. Díaz Ordaz",
    ),
    "br": (
        "Rua das Flores",
        "Avenida Paulista",
        "Rua São João",
        "Rua Sete de Setembro",
        "Avenida Brasil",
        "Rua XV de Novembro",
        "Travessa do Carmo",
        "Rua Barão de Itapetininga",
        "Alameda Santos",
        "Rua Tiradentes",
        "Estrada do Campo Limpo",
        "Rua Dom Pedro II",
    ),
    "nl": (
        "Kerkstraat",
        "Dorpsstraat",
        "Schoolstraat",
        "Molenweg",
        "Stationsweg",
        "Julianalaan",
        "Beatrixstraat",
        "Prinsengracht",
        "Lindelaan",
        "Oranjestraat",
        "Wilhelminapark",
        "Nieuweweg",
        "Het Want",
    ),
    "it": (
        "Via Roma",
        "Via Garibaldi",
        "Corso Italia",
        "Via Mazzini",
        "Piazza Dante",
        "Via Verdi",
        "Viale della Repubblica",
        "Via dei Mille",
        "Vicolo Stretto",
        "Via XX Settembre",
        "Via Cavour",
    ),
}

# (city, state/region, postal code prefix or full)
US_CITIES = (
    ("Springfield", "IL", "627"),
    ("Columbus", "OH", "432"),
    ("Austin", "TX", "787"),
    ("Denver", "CO", "802"),
    ("Portland", "OR", "972"),
    ("Raleigh", "NC", "276"),
    ("Tampa", "FL", "336"),
    ("Boise", "ID", "837"),
    ("Albany", "NY", "122"),
    ("Fresno", "CA", "937"),
    ("Madison", "WI", "537"),
    ("Tucson", "AZ", "857"),
    ("Omaha", "NE", "681"),
    ("Richmond", "VA", "232"),
    ("Lowell", "MA", "018"),
    ("Newark", "NJ", "071"),
)
DE_CITIES = (
    ("Berlin", "10"),
    ("Hamburg", "22"),
    ("München", "80"),
    ("Köln", "50"),
    ("Frankfurt am Main", "60"),
    ("Stuttgart", "70"),
    ("Leipzig", "04"),
    ("Dresden", "01"),
    ("Bremen", "28"),
    ("Nürnberg", "90"),
    ("Bielefeld", "33"),
    ("Freiburg im Breisgau", "79"),
    ("Kiel", "24"),
    ("Mainz", "55"),
)
FR_CITIES = (
    ("Paris", "750"),
    ("Lyon", "690"),
    ("Marseille", "130"),
    ("Toulouse", "310"),
    ("Nantes", "440"),
    ("Lille", "590"),
    ("Rennes", "350"),
    ("Bordeaux", "330"),
    ("Strasbourg", "670"),
    ("Montpellier", "340"),
    ("Saint-Étienne", "420"),
    ("Villeurbanne", "691"),
)
MX_PLACES = (
    ("Benito Juárez", "CDMX", "03"),
    ("Coyoacán", "CDMX", "04"),
    ("Guadalajara", "JAL", "44"),
    ("Zapopan", "JAL", "45"),
    ("Monterrey", "NL", "64"),
    ("Puebla", "PUE", "72"),
    ("Mérida", "YUC", "97"),
    ("Querétaro", "QRO", "76"),
    ("León", "GTO", "37"),
    ("Tijuana", "BC", "22"),
)
MX_COLONIAS = (
    "Del Valle",
    "Narvarte Poniente",
    "Roma Norte",
    "Centro",
    "Las Águilas",
    "Jardines del Bosque",
    "Country Club",
    "San Pedro de los Pinos",
    "Lomas Verdes",
    "Providencia",
    "El Mirador",
)
BR_PLACES = (
    ("São Paulo", "SP", "0"),
    ("Rio de Janeiro", "RJ", "2"),
    ("Belo Horizonte", "MG", "3"),
    ("Curitiba", "PR", "8"),
    ("Porto Alegre", "RS", "9"),
    ("Salvador", "BA", "4"),
    ("Recife", "PE", "5"),
    ("Fortaleza", "CE", "6"),
    ("Campinas", "SP", "1"),
    ("Goiânia", "GO", "7"),
)
BR_BAIRROS = (
    "Centro",
    "Pinheiros",
    "Vila Mariana",
    "Copacabana",
    "Savassi",
    "Boa Viagem",
    "Moinhos de Vento",
    "Tijuca",
    "Jardim América",
    "Barra",
    "Mooca",
    "Aldeota",
)
NL_CITIES = (
    ("Amsterdam", "10"),
    ("Rotterdam", "30"),
    ("Den Haag", "25"),
    ("Utrecht", "35"),
    ("Eindhoven", "56"),
    ("Groningen", "97"),
    ("Tilburg", "50"),
    ("Almere", "13"),
    ("Breda", "48"),
    ("Nijmegen", "65"),
    ("Zwolle", "80"),
    ("Leeuwarden", "89"),
)
IT_CITIES = (
    ("Roma", "RM", "001"),
    ("Milano", "MI", "201"),
    ("Napoli", "NA", "801"),
    ("Torino", "TO", "101"),
    ("Palermo", "PA", "901"),
    ("Bologna", "BO", "401"),
    ("Firenze", "FI", "501"),
    ("Bari", "BA", "701"),
    ("Verona", "VR", "371"),
    ("Padova", "PD", "351"),
)
IT_TOWN_CODES = {
    "Roma": "H501",
    "Milano": "F205",
    "Napoli": "F839",
    "Torino": "L219",
    "Palermo": "G273",
    "Bologna": "A944",
    "Firenze": "D612",
    "Bari": "A662",
    "Verona": "L781",
    "Padova": "G224",
}


def pool(table: dict[str, str], key: str) -> list[str]:
    """The words of one pool; an underscore joins a compound name (``Juan_Carlos``, ``De_Luca``)."""
    return [word.replace("_", " ") for word in table[key].split()]

package io.zhibiao.ingest.domain.region;

/** The administrative level of an issuing government, as {@code Region.level} writes it. */
public enum Level {
    /** 中华人民共和国: the State Council's report. */
    NATIONAL("national"),
    /** 省, 自治区, 直辖市 (北京市, 上海市, 天津市, 重庆市). */
    PROVINCE("province"),
    /** 地级市, 自治州, 地区, 盟. */
    PREFECTURE("prefecture"),
    /** 县级市, e.g. 彬州市, 兴城市. */
    COUNTY_CITY("county_city"),
    /** 市辖区, e.g. 凌河区. */
    DISTRICT("district"),
    /** 县, 自治县, 旗, 自治旗, 特区, 林区. */
    COUNTY("county");

    private final String id;

    Level(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}

package io.camelrrpc.examples.cloud;

import java.util.Map;

/**
 * The example of Alibaba Cloud's "Request signature" documentation: ECS DescribeRegions signed by GET with the
 * AccessKey testid / testsecret.
 */
public final class AlibabaExample {

    public static final Map<String, String> PARAMETERS = Map.of(
            "Timestamp", "2016-02-23T12:46:24Z",
            "Format", "XML",
            "AccessKeyId", "testid",
            "Action", "DescribeRegions",
            "SignatureMethod", "HMAC-SHA1",
            "SignatureNonce", "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf",
            "Version", "2014-05-26",
            "SignatureVersion", "1.0");
    public static final String STRING_TO_SIGN = "GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions"
                                                + "%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1"
                                                + "%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf"
                                                + "%26SignatureVersion%3D1.0"
                                                + "%26Timestamp%3D2016-02-23T12%253A46%253A24Z"
                                                + "%26Version%3D2014-05-26";
    public static final String SIGNATURE = "OLeaidS1JvxuMvnyHOwuJ+uX5qY=";

    private AlibabaExample() {
    }
}
